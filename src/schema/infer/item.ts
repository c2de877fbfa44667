/**
 * `InferItem` and `InferInput`: the item types a schema definition implies.
 *
 * @module
 */
import type { SchemaSettings } from "../definition.js";
import type { DefinitionOf, InferSource, ModelTypesOf, SettingsOf, TypedModel } from "./source.js";
import type { ObjectOf } from "./value.js";

/**
 * What reads (`get`, `query`, `scan`, `batchGet`) return, for a model (`InferItem<typeof Order>`), a `Schema`
 * (`InferItem<typeof orderSchema>`) or a schema definition `X` with settings `S`: the attributes, without the Item
 * methods (`ItemOf<InferItem<typeof Order>>` adds them).
 *
 * Non-optional: attributes marked `hashKey`, `rangeKey` or `required: true`, attributes with a `default` or
 * `forceDefault`, `CONSTANT` and `COMBINE` attributes, and timestamps. Every other attribute is optional, and so is one
 * whose type is a union with `dynamodel.type.UNDEFINED`. Nested objects follow the same rules. `saveUnknown` adds an
 * index signature `[name: string]: unknown` beside the known attributes. Attribute `get` transforms are not reflected.
 *
 * @example
 * ```ts
 * const definition = {
 *   id: { type: String, hashKey: true },
 *   age: { type: Number, default: 0 },
 *   tags: { type: Set, schema: [String] },
 *   role: { type: String, enum: ["admin", "user"] },
 * } as const; // what `new Schema(definition, settings)` infers by itself
 * type User = InferItem<typeof definition, { timestamps: true }>;
 * // { id: string; age: number; tags?: Set<string>; role?: "admin" | "user"; createdAt: Date; updatedAt: Date }
 * ```
 */
export type InferItem<X extends InferSource, S extends SchemaSettings = {}> = X extends TypedModel
  ? ModelTypesOf<X>["item"]
  : ObjectOf<DefinitionOf<X>, SettingsOf<X, S>, "item">;

/**
 * What `Model.create` and `new Model(obj)` accept, for a model (`InferInput<typeof Order>`), a `Schema` or a schema
 * definition `X` with settings `S`.
 *
 * Required: attributes marked `required: true`, `hashKey` or `rangeKey` that have no `default`. Everything else is
 * optional, including `CONSTANT` attributes (typed with their literal), `COMBINE` attributes and timestamps. Dates also
 * accept a number (stored as is), Buffers any `Uint8Array`, Sets an array, arrays a readonly array.
 *
 * @example
 * ```ts
 * const definition = { id: { type: String, hashKey: true }, age: { type: Number, default: 0 }, born: Date } as const;
 * type NewUser = InferInput<typeof definition>; // { id: string; age?: number; born?: Date | number }
 * ```
 */
export type InferInput<X extends InferSource, S extends SchemaSettings = {}> = X extends TypedModel
  ? ModelTypesOf<X> extends {
      /** The input type a model carries. */
      input(value: infer I): void;
    }
    ? I
    : never
  : ObjectOf<DefinitionOf<X>, SettingsOf<X, S>, "input">;
