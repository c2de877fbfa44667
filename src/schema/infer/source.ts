/**
 * What the `Infer*` helpers take besides a schema definition: a `Schema` or a model, so a user names a model's types
 * without restating its schema (`InferItem<typeof Order>`). @internal
 *
 * @module
 */
import type { SchemaDefinition, SchemaLike, SchemaSettings } from "../definition.js";
import type { SchemaTypes } from "./value.js";

/**
 * The types a model carries for the `Infer*` helpers, as a type-only phantom (`ModelType["~types"]`, never set at
 * run time): the item read, the input of `create`, the key and the update object. The last three are method
 * parameters so that every model stays assignable to `AnyModel`.
 *
 * @example
 * ```ts
 * type OrderKey = NonNullable<(typeof Order)["~types"]> extends ModelTypes<unknown, unknown, infer K, unknown> ? K : never;
 * ```
 */
export interface ModelTypes<T, I, K, U> {
  /** What reads return (attributes only; `ItemOf` adds the Item methods). */
  readonly item: T;
  /** What `create` and `new Model(obj)` accept. */
  input(value: I): void;
  /** What `get` and `delete` accept. */
  key(value: K): void;
  /** What `update` accepts. */
  update(value: U): void;
}

/** Anything that carries model types: a model (`dynamodel.model(...)`). @internal */
export interface TypedModel {
  readonly __dynamodelModel: true;
  readonly "~types"?: ModelTypes<unknown, never, never, never>;
}

/**
 * What the `Infer*` helpers accept: a schema definition (with its settings as a second argument), a `Schema`, or a
 * model.
 *
 * @example
 * ```ts
 * type A = InferItem<typeof orderSchema>; // from a Schema
 * type B = InferItem<typeof Order>;       // from a model
 * ```
 */
export type InferSource = SchemaDefinition | SchemaLike | TypedModel;

/** The model types of `X`, or `never` when `X` is not a model. @internal */
export type ModelTypesOf<X> = X extends TypedModel ? NonNullable<X["~types"]> : never;

/** The definition of a `Schema` or a definition. @internal */
export type DefinitionOf<X> = X extends SchemaLike
  ? X extends SchemaTypes<infer D>
    ? D extends SchemaDefinition
      ? D
      : never
    : never
  : X;

/** The settings of a `Schema`, or `S` for a definition. @internal */
export type SettingsOf<X, S extends SchemaSettings> = X extends SchemaLike
  ? X extends SchemaTypes<unknown, infer XS>
    ? XS extends SchemaSettings
      ? XS
      : {}
    : {}
  : S;
