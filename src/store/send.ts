/**
 * One request of a store: wait for the table's setup, send, and give DynamoDB's refusals context. Every data
 * request of a call (single items, pages, batch chunks, transactions, and their retries) goes through
 * {@link sendMetered}, the one place where a call's consumed capacity is asked for and summed.
 *
 * @module
 * @internal
 */
import type { DataOperation, Operations } from "../aws/client.js";
import { describeSdkError } from "../aws/sdk-errors.js";
import type { CapacityMeter } from "../aws/capacity.js";
import type { TableLink } from "./port.js";

/**
 * Sends a data request through `table`; with a meter, asks for the consumed capacity and adds what DynamoDB
 * reports to it. Without one, the request goes as it is (nothing added, nothing allocated).
 */
export async function sendMetered<K extends DataOperation>(
  table: TableLink,
  operation: K,
  input: Operations[K][0],
  meter: CapacityMeter | undefined,
): Promise<Operations[K][1]> {
  if (meter === undefined) return table.send(operation, input);
  const output = await table.send(operation, { ...input, ReturnConsumedCapacity: meter.mode });
  meter.add(output.ConsumedCapacity);
  return output;
}

/** Sends `operation` once `table` is ready; a failed condition becomes `ConditionalCheckFailed` naming `label` and `model`. */
export async function sendThrough<K extends DataOperation>(
  table: TableLink,
  operation: K,
  input: Operations[K][0],
  label: string,
  model: string,
  meter?: CapacityMeter,
): Promise<Operations[K][1]> {
  await table.ready();
  try {
    return await sendMetered(table, operation, input, meter);
  } catch (error) {
    throw describeSdkError(error, label, model);
  }
}
