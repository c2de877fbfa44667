/**
 * Batch reads and writes. (Placeholder: filled in by the batches issue.)
 *
 * @module
 */
import { OtherError } from "../errors.js";
import type { ModelCore } from "../model/model-core.js";

/** BatchGetItem of many keys. */
export function batchGet(_core: ModelCore, _keys: readonly unknown[], _settings?: object): Promise<unknown> {
  return Promise.reject(new OtherError("Model.batchGet is not implemented yet.", { code: "not_implemented" }));
}

/** BatchWriteItem puts of many items. */
export function batchPut(_core: ModelCore, _items: readonly unknown[], _settings?: object): Promise<unknown> {
  return Promise.reject(new OtherError("Model.batchPut is not implemented yet.", { code: "not_implemented" }));
}

/** BatchWriteItem deletes of many keys. */
export function batchDelete(_core: ModelCore, _keys: readonly unknown[], _settings?: object): Promise<unknown> {
  return Promise.reject(new OtherError("Model.batchDelete is not implemented yet.", { code: "not_implemented" }));
}
