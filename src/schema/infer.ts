/**
 * Item types inferred from a schema definition, so that users never write a second interface:
 * `InferItem` (what reads return), `InferInput` (what `create` accepts), `InferKey` (what `get`/`delete` accept),
 * `InferUpdate` (what `update` accepts), and the key names `HashKeyName` / `RangeKeyName`.
 *
 * @module
 */
export type { InferInput, InferItem } from "./infer/item.js";
export type { HashKey, HashKeyName, HashRangeKey, InferKey, KeyOf, LooseKey, RangeKeyName } from "./infer/key.js";
export type { InferSource, ModelTypes, TypedModel } from "./infer/source.js";
export type { DocumentPath, InferUpdate, UpdateOf } from "./infer/update.js";
export type { ObjectOf, Prettify, SchemaTypes } from "./infer/value.js";
