/**
 * One request of a store: wait for the table's setup, send, and give DynamoDB's refusals context.
 *
 * @module
 * @internal
 */
import type { Operation, Operations } from "../aws/client.js";
import { describeSdkError } from "../aws/sdk-errors.js";
import type { TableLink } from "./port.js";

/** Sends `operation` once `table` is ready; a failed condition becomes `ConditionalCheckFailed` naming `label` and `model`. */
export async function sendThrough<K extends Operation>(
  table: TableLink,
  operation: K,
  input: Operations[K][0],
  label: string,
  model: string,
): Promise<Operations[K][1]> {
  await table.ready();
  try {
    return await table.send(operation, input);
  } catch (error) {
    throw describeSdkError(error, label, model);
  }
}
