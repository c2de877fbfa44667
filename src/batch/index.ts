/**
 * Batch reads and writes: `Model.batchGet`, `Model.batchPut`, `Model.batchDelete`, and the retry defaults
 * (`dynamodel.retry`) they share with transactions.
 *
 * @module
 */
export { MAX_GET_KEYS, batchGet } from "./batch-get.js";
export { MAX_WRITES, batchDelete, batchPut } from "./batch-write.js";
export { type RetryOptions, retry } from "../aws/retry.js";
export type {
  BatchDeleteResult,
  BatchGetResult,
  BatchGetSettings,
  BatchPutResult,
  BatchSettings,
  BatchWriteSettings,
  KeyObject,
} from "./types.js";
