/**
 * Settings and results of `Model.batchGet`, `Model.batchPut` and `Model.batchDelete`.
 *
 * @module
 */
import type { Callback } from "../callback.js";
import type { PopulateSettings } from "../item/item.js";
import type { RetryOptions } from "../aws/retry.js";
import type { CapacitySettings } from "../aws/capacity.js";
import type { ConsumedCapacity } from "@aws-sdk/client-dynamodb";
import type { OnProgress, Progress } from "../store/progress.js";

/** Settings every batch takes. */
export interface BatchSettings extends CapacitySettings {
  /** Retry options for this call, over `dynamodel.retry`'s defaults. */
  readonly retry?: Partial<RetryOptions>;
  /** Requests in flight at once (default 4). */
  readonly concurrency?: number;
  /**
   * What to do with what is still unprocessed once the retries are used up: `"return"` it in the result (default,
   * as Dynamoose) or `"throw"` a `BatchIncomplete` carrying it.
   */
  readonly unprocessed?: "return" | "throw";
  /**
   * Called after every request with the items done and left, and the retries so far (see {@link Progress}), to drive
   * a progress bar.
   * @example `await User.batchPut(users, { onProgress: ({ done, left }) => bar.update(done, { left }) })`
   */
  readonly onProgress?: OnProgress;
  /** `false`: run none of the model's hooks (`Model.pre` / `Model.post`) for this call's items. */
  readonly hooks?: boolean;
}

/** Settings of `Model.batchGet`. */
export interface BatchGetSettings extends BatchSettings {
  /**
   * `"request"`: resolve the BatchGetItem input of all keys without sending it; `"requests"`: the inputs actually
   * sent (100 keys each).
   */
  readonly return?: "items" | "request" | "requests";
  /** Only these attributes (a ProjectionExpression; the key attributes are always read, to match items to keys). */
  readonly attributes?: readonly string[];
  /** Strongly consistent reads. */
  readonly consistent?: boolean;
}

/** Settings of `Model.batchPut` and `Model.batchDelete`. */
export interface BatchWriteSettings extends BatchSettings {
  /**
   * `"request"`: resolve the BatchWriteItem input of all items without sending it; `"requests"`: the inputs actually
   * sent (25 writes each).
   */
  readonly return?: "response" | "request" | "requests";
  /**
   * Write a versioned model (schema setting `version`) anyway: BatchWriteItem takes no condition, so a batch would
   * overwrite concurrent changes; without this setting such a batch is refused.
   */
  readonly ignoreVersion?: boolean;
}

/** The object form of a key type (`string | {id: string}` gives `{id: string}`). */
export type KeyObject<K> = [Extract<K, object>] extends [never] ? Record<string, unknown> : Extract<K, object>;

/**
 * What `Model.batchGet` resolves: the items found, in the order of the keys asked (missing ones left out), with the
 * keys still unprocessed after the retries (empty when everything was read).
 */
export type BatchGetResult<I, K = unknown> = I[] & {
  /** The keys not read (object form), empty when all were. */
  readonly unprocessedKeys: KeyObject<K>[];
  /** With `returnConsumedCapacity`: the capacity consumed, summed over every request (not enumerable). */
  readonly consumedCapacity?: ConsumedCapacity;
  /** Populates every item. */
  populate(settings?: PopulateSettings): Promise<BatchGetResult<I, K>>;
  /** Populates every item, with a Node-style callback (the call returns nothing). */
  populate(callback: Callback<BatchGetResult<I, K>>): void;
  /** Plain copies of the items. */
  toJSON(): Record<string, unknown>[];
};

/** What `Model.batchPut` resolves: the items not written after the retries (as model items), empty when all were. */
export interface BatchPutResult<I> {
  /** The items not written (model items), empty when all were. */
  readonly unprocessedItems: I[];
  /** With `returnConsumedCapacity`: the capacity consumed, summed over every request (not enumerable). */
  readonly consumedCapacity?: ConsumedCapacity;
}

/** What `Model.batchDelete` resolves: the keys not deleted after the retries (object form), empty when all were. */
export interface BatchDeleteResult<K> {
  /** The keys not deleted (object form), empty when all were. */
  readonly unprocessedItems: KeyObject<K>[];
  /** With `returnConsumedCapacity`: the capacity consumed, summed over every request (not enumerable). */
  readonly consumedCapacity?: ConsumedCapacity;
}
