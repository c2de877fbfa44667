/**
 * Consumed capacity: the `returnConsumedCapacity` setting (per call, else the table's option, which a model's
 * options and `Table.defaults` set), the meter one call sums DynamoDB's reports in (over pages, chunks and
 * retries), and where a result carries the sum.
 *
 * @module
 */
import type { Capacity, ConsumedCapacity } from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors.js";

/** What DynamoDB reports: `"TOTAL"` (per table), `"INDEXES"` (per table and index), `"NONE"` (nothing, the default). */
export type ReturnConsumedCapacity = "TOTAL" | "INDEXES" | "NONE";

/** The setting every operation takes. */
export interface CapacitySettings {
  /**
   * Ask DynamoDB for the capacity the call consumes: the result then carries `consumedCapacity`, summed over every
   * request the call sent (pages, chunks, retries). Overrides the table's (model's) option of the same name.
   * @example `await User.batchGet(keys, { returnConsumedCapacity: "TOTAL" })` // result.consumedCapacity.CapacityUnits
   */
  readonly returnConsumedCapacity?: ReturnConsumedCapacity;
  /**
   * Called once when the call succeeds, with what each table consumed (summed over every request); asks for `"TOTAL"`
   * when `returnConsumedCapacity` is not set. The one way to see the capacity of a call that resolves nothing
   * (`Model.delete`, a write transaction).
   * @example `await User.delete("u1", { onConsumedCapacity: ([table]) => console.log(table?.CapacityUnits) })`
   */
  readonly onConsumedCapacity?: (capacity: readonly ConsumedCapacity[]) => void;
}

/**
 * The capacity a request is expected to consume. Writes count the item a put carries; an update or a delete counts
 * its key and values (the stored item, which may be larger, is unknown before sending). Reads count one unit per
 * item or page of up to 4 KB (the items' sizes are unknown before reading): a lower bound for larger items.
 *
 * @example
 * ```ts
 * const request = await User.create({ id: "u1", bio: "x".repeat(1500) }, { return: "request" });
 * request.estimatedCapacity; // { readCapacityUnits: 0, writeCapacityUnits: 2 }
 * ```
 */
export interface CapacityEstimate {
  /** Read capacity units (0.5 per eventually consistent read of up to 4 KB, 1 strongly consistent, 2 in a transaction). */
  readonly readCapacityUnits: number;
  /** Write capacity units (1 per started KB, 2 in a transaction). */
  readonly writeCapacityUnits: number;
}

/** A request result carrying its estimate (a non-enumerable property: the request itself is unchanged). */
export type Estimated<R> = R & {
  /** The capacity the request is expected to consume (see {@link CapacityEstimate}); not enumerable. */
  readonly estimatedCapacity: CapacityEstimate;
};

/** Sums the `ConsumedCapacity` of every response one call receives, per table. @internal */
export class CapacityMeter {
  readonly #tables = new Map<string, ConsumedCapacity>();

  constructor(
    /** The `ReturnConsumedCapacity` every request of the call carries. */
    readonly mode: "TOTAL" | "INDEXES",
    readonly report?: (capacity: readonly ConsumedCapacity[]) => void,
  ) {}

  /** Adds what one response reported (one object, or one per table for batches and transactions). */
  add(reported: ConsumedCapacity | readonly ConsumedCapacity[] | undefined): void {
    if (reported === undefined) return;
    for (const part of Array.isArray(reported) ? reported : [reported as ConsumedCapacity]) {
      const name = part.TableName ?? "";
      this.#tables.set(name, sumCapacity(this.#tables.get(name) ?? { TableName: part.TableName }, part));
    }
  }

  /** The sums, one per table, in the order the tables first reported. */
  total(): ConsumedCapacity[] {
    return [...this.#tables.values()];
  }

  /** The sum of `table` (a request that reported nothing still reads as zero units). */
  of(table: string): ConsumedCapacity {
    return this.#tables.get(table) ?? { TableName: table, CapacityUnits: 0 };
  }

  /**
   * Ends the call: hands the sums to `onConsumedCapacity`, and hangs them on `result` (see {@link attachCapacity}):
   * the sum of `table` when given, else one sum per table.
   */
  deliver<T>(result: T, table?: string, isItem = false): T {
    const total = this.total();
    this.report?.(total);
    return attachCapacity(result, table === undefined ? total : this.of(table), isItem);
  }
}

const UNITS = ["CapacityUnits", "ReadCapacityUnits", "WriteCapacityUnits"] as const;

function sumUnits<T extends Capacity>(into: T, part: Capacity): T {
  const out = { ...into };
  for (const unit of UNITS) if (part[unit] !== undefined) out[unit] = (into[unit] ?? 0) + part[unit];
  return out;
}

function sumIndexes(into: Record<string, Capacity> | undefined, part: Record<string, Capacity> | undefined) {
  if (part === undefined) return into;
  const out = { ...into };
  for (const [name, capacity] of Object.entries(part)) out[name] = sumUnits(out[name] ?? {}, capacity);
  return out;
}

function sumCapacity(into: ConsumedCapacity, part: ConsumedCapacity): ConsumedCapacity {
  const out = sumUnits(into, part);
  if (part.Table) out.Table = sumUnits(into.Table ?? {}, part.Table);
  const local = sumIndexes(into.LocalSecondaryIndexes, part.LocalSecondaryIndexes);
  if (local) out.LocalSecondaryIndexes = local;
  const global = sumIndexes(into.GlobalSecondaryIndexes, part.GlobalSecondaryIndexes);
  if (global) out.GlobalSecondaryIndexes = global;
  return out;
}

/**
 * The meter of one call: the call's setting, else the table's option; `undefined` (nothing asked, nothing
 * allocated) when neither asks. @internal
 */
export function meterFor(settings: CapacitySettings | undefined, table: { readonly options: CapacitySettings }): CapacityMeter | undefined {
  const report = settings?.onConsumedCapacity;
  const mode = settings?.returnConsumedCapacity ?? table.options.returnConsumedCapacity ?? (report ? "TOTAL" : undefined);
  if (mode === undefined || mode === "NONE") return undefined;
  if (mode !== "TOTAL" && mode !== "INDEXES") {
    throw new InvalidParameter('returnConsumedCapacity must be "TOTAL", "INDEXES" or "NONE".', {
      code: "invalid_setting",
      path: "returnConsumedCapacity",
      expected: '"TOTAL" | "INDEXES" | "NONE"',
      received: typeof mode,
    });
  }
  return new CapacityMeter(mode, report);
}

const itemCapacities = new WeakMap<object, ConsumedCapacity>();

/**
 * Hangs a call's consumed capacity on its result: a non-enumerable `consumedCapacity` property on arrays and result
 * objects (their own keys, and so deep equality and JSON, stay Dynamoose's); for an item, where a property could
 * shadow an attribute, it is kept aside for {@link consumedCapacity}. @internal
 */
export function attachCapacity<T>(result: T, capacity: ConsumedCapacity | readonly ConsumedCapacity[], isItem = false): T {
  if (typeof result !== "object" || result === null) return result;
  if (isItem) {
    if (!Array.isArray(capacity)) itemCapacities.set(result, capacity as ConsumedCapacity);
    return result;
  }
  Object.defineProperty(result, "consumedCapacity", { value: capacity, enumerable: false, configurable: true, writable: true });
  return result;
}

/**
 * The capacity the call that resolved `item` consumed (`get`, `create`, `save`, `update` with
 * `returnConsumedCapacity`); `undefined` when it was not asked for. Arrays and batch results carry it as their
 * `consumedCapacity` property instead.
 *
 * @example
 * ```ts
 * const user = await User.get("u1", { returnConsumedCapacity: "TOTAL" });
 * dynamodel.consumedCapacity(user)?.CapacityUnits; // 0.5
 * ```
 */
export function consumedCapacity(item: object): ConsumedCapacity | undefined {
  return itemCapacities.get(item);
}
