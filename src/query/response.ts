/**
 * What `exec()` resolves: an array of items carrying `lastKey`, counts and the number of requests, as in
 * Dynamoose (with a real `queriedCount`), or, after `count()`, only the counts.
 *
 * @module
 */
import type { ConsumedCapacity } from "@aws-sdk/client-dynamodb";
import { type Callback, attempt, settle } from "../callback.js";
import { type Item, type PopulateSettings, populateAll } from "../item/item.js";
import type { Operation } from "./operation.js";

/** A plain key, as `lastKey` holds it and `startAt()` takes it. @example `{ id: "u1", sk: 3 }` */
export type PlainKey = Record<string, unknown>;

/**
 * The `lastKey` of a parallel scan as a scan's `startAt()` takes it back: one entry per segment, a key to resume
 * the segment after, `undefined` for a finished segment (not read again), or `null` for a segment to read from its
 * beginning (a page of `pages()` gives `null` for the segments none of whose pages it has yielded yet).
 *
 * @example
 * ```ts
 * const keys: SegmentKeys = [{ id: "u7" }, undefined, { id: "u3" }, null]; // after parallel(4)
 * ```
 */
export type SegmentKeys = readonly (Readonly<PlainKey> | null | undefined)[];

/**
 * Methods every result array has.
 *
 * @example
 * ```ts
 * const users = await User.scan().exec();
 * await users.populate(); JSON.stringify(users); // uses toJSON()
 * ```
 */
export interface ResponseMethods<T> {
  /** Populates the reference attributes of every item (in place); resolves the same array. @example `await result.populate()` */
  populate(settings?: PopulateSettings): Promise<this>;
  populate(callback: Callback<this>): void;
  populate(settings: PopulateSettings, callback: Callback<this>): void;
  /** The items as JSON-safe plain objects. @example `result.toJSON()` // [{ id: "u1", ... }] */
  toJSON(): Record<string, unknown>[];
  /** @internal */
  readonly __item?: T;
}

/**
 * The result of a query: items plus `lastKey` (pass it to `startAt()` to continue; `undefined` when done),
 * `count` (items returned), `queriedCount` and `scannedCount` (items read before the filter; DynamoDB's
 * ScannedCount, Dynamoose leaves `queriedCount` undefined) and `timesQueried` (requests sent).
 *
 * @example
 * ```ts
 * const page = await User.query("team").eq("red").limit(10).exec();
 * const next = await User.query("team").eq("red").limit(10).startAt(page.lastKey).exec();
 * ```
 */
export type QueryResponse<T> = T[] &
  ResponseMethods<T> & {
    /** The key to pass to `startAt()` to continue; `undefined` when the query read everything. */
    lastKey: PlainKey | undefined;
    /** The items returned. */
    count: number;
    /** The items read before the filter (DynamoDB's `ScannedCount`; Dynamoose leaves it undefined). */
    queriedCount: number;
    /** The items read before the filter (DynamoDB's `ScannedCount`). */
    scannedCount: number;
    /** The Query requests sent. */
    timesQueried: number;
    /** With `returnConsumedCapacity()`: the capacity consumed, summed over the requests sent (not enumerable). */
    readonly consumedCapacity?: ConsumedCapacity;
  };

/**
 * The result of a scan: items plus `lastKey` (after `parallel(n)`, one entry per segment, see {@link SegmentKeys}:
 * `undefined` for a finished one, and `undefined` as a whole when every segment is done; pass it to `startAt()` to
 * continue), `count`, `scannedCount` and `timesScanned`. A page of a parallel scan's `pages()` carries the keys to
 * resume after the pages yielded so far (`null` for a segment none of whose pages was yielded yet).
 *
 * @example
 * ```ts
 * const all = await User.scan().parallel(4).all().exec(); // all.count === all.length
 * const first = await User.scan().parallel(4).limit(100).exec();
 * const rest = await User.scan().parallel(4).startAt(first.lastKey).all().exec();
 * ```
 */
export type ScanResponse<T> = T[] &
  ResponseMethods<T> & {
    /** The key (or, after `parallel(n)`, the keys per segment) to pass to `startAt()` to continue; `undefined` when done. */
    lastKey: PlainKey | SegmentKeys | undefined;
    /** The items returned. */
    count: number;
    /** The items read before the filter (DynamoDB's `ScannedCount`). */
    scannedCount: number;
    /** The Scan requests sent. */
    timesScanned: number;
    /** With `returnConsumedCapacity()`: the capacity consumed, summed over the requests sent (not enumerable). */
    readonly consumedCapacity?: ConsumedCapacity;
  };

/**
 * What a query resolves after `count()`: `count` and `queriedCount` (its own enumerable keys, as in Dynamoose),
 * plus `scannedCount`, `timesQueried` and `lastKey`, readable but not enumerable (a deep equality with
 * `{ count, queriedCount }` holds).
 *
 * @example
 * ```ts
 * const { count, queriedCount } = await User.query("team").eq("red").count().all().exec();
 * ```
 */
export interface QueryCount {
  readonly count: number;
  readonly queriedCount: number;
  readonly scannedCount: number;
  readonly timesQueried: number;
  readonly lastKey: PlainKey | undefined;
  /** With `returnConsumedCapacity()`: the capacity consumed (not enumerable). */
  readonly consumedCapacity?: ConsumedCapacity;
}

/**
 * What a scan resolves after `count()`: `count` and `scannedCount` (its own enumerable keys, as in Dynamoose),
 * plus `timesScanned` and `lastKey`, readable but not enumerable.
 *
 * @example
 * ```ts
 * const { count, scannedCount } = await User.scan("age").gt(18).count().exec();
 * ```
 */
export interface ScanCount {
  readonly count: number;
  readonly scannedCount: number;
  readonly timesScanned: number;
  readonly lastKey: PlainKey | SegmentKeys | undefined;
  /** With `returnConsumedCapacity()`: the capacity consumed (not enumerable). */
  readonly consumedCapacity?: ConsumedCapacity;
}

/** The totals of one or more pages. @internal */
export interface Totals {
  readonly lastKey: PlainKey | SegmentKeys | undefined;
  readonly count: number;
  readonly scanned: number;
  readonly requests: number;
  /** The capacity consumed, summed over the pages, when asked. */
  readonly capacity?: ConsumedCapacity | undefined;
}

const hidden = (target: object, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: false, writable: true, configurable: true });
};

/**
 * Makes the result array of a query or scan from converted items and totals. @internal
 *
 * @example
 * ```ts
 * makeResponse("scan", items, { lastKey: undefined, count: 2, scanned: 5, requests: 1 });
 * ```
 */
export function makeResponse<T extends Item>(operation: Operation, items: T[], totals: Totals): QueryResponse<T> | ScanResponse<T> {
  const result = items as T[] & Record<string, unknown>;
  result["lastKey"] = totals.lastKey;
  result["count"] = totals.count;
  result["scannedCount"] = totals.scanned;
  if (operation === "query") {
    result["queriedCount"] = totals.scanned;
    result["timesQueried"] = totals.requests;
  } else {
    result["timesScanned"] = totals.requests;
  }
  if (totals.capacity) hidden(result, "consumedCapacity", totals.capacity);
  function populate(this: T[], settings?: PopulateSettings | Callback<T[]>, callback?: Callback<T[]>): Promise<T[]> | undefined {
    const done = typeof settings === "function" ? settings : callback;
    const options = typeof settings === "function" ? {} : (settings ?? {});
    return settle(
      attempt(() => populateAll(this, options)),
      done,
    );
  }
  hidden(result, "populate", populate);
  hidden(result, "toJSON", function toJSON(this: T[]) {
    return this.map((item) => item.toJSON());
  });
  return result as unknown as QueryResponse<T> | ScanResponse<T>;
}

/**
 * The counts-only result of `count()`: exactly `{ count, queriedCount }` or `{ count, scannedCount }` as own
 * enumerable keys, as in Dynamoose (users deep-equal it); the rest (`timesQueried`/`timesScanned`, `lastKey`, a
 * query's `scannedCount`) is there to read but not enumerable. @internal
 *
 * @example
 * ```ts
 * makeCount("query", totals); // { count, queriedCount } (+ scannedCount, timesQueried, lastKey, not enumerable)
 * ```
 */
export function makeCount(operation: Operation, totals: Totals): QueryCount | ScanCount {
  const { count, scanned, requests, lastKey } = totals;
  if (operation === "query") {
    const result = { count, queriedCount: scanned };
    hidden(result, "scannedCount", scanned);
    hidden(result, "timesQueried", requests);
    hidden(result, "lastKey", lastKey);
    if (totals.capacity) hidden(result, "consumedCapacity", totals.capacity);
    return result as QueryCount;
  }
  const result = { count, scannedCount: scanned };
  hidden(result, "timesScanned", requests);
  hidden(result, "lastKey", lastKey);
  if (totals.capacity) hidden(result, "consumedCapacity", totals.capacity);
  return result as ScanCount;
}
