/**
 * Key names and key values of a schema definition: what `Model.get` and `Model.delete` accept.
 *
 * @module
 */
import type { SchemaSettings } from "../definition.js";
import type { DefinitionOf, InferSource, ModelTypesOf, SettingsOf, TypedModel } from "./source.js";
import type { AttributeValue, ObjectOf, Prettify } from "./value.js";

/**
 * The name of the attribute marked `hashKey: true`, or `never` if none is marked.
 *
 * At run time an unmarked schema uses the FIRST attribute of the definition as its hash key; the type system cannot
 * see key order, so mark the hash key with `hashKey: true` to get exact key types.
 *
 * @example
 * ```ts
 * type H = HashKeyName<{ pk: { type: String; hashKey: true }; sk: { type: Number; rangeKey: true } }>; // "pk"
 * ```
 */
export type HashKeyName<D> = {
  [K in keyof D]-?: D[K] extends {
    /** Marks the hash key. */
    readonly hashKey: true;
  }
    ? K
    : never;
}[keyof D] &
  string;

/**
 * The name of the attribute marked `rangeKey: true`, or `never` if the schema has no range key.
 *
 * @example
 * ```ts
 * type R = RangeKeyName<{ pk: { type: String; hashKey: true }; sk: { type: Number; rangeKey: true } }>; // "sk"
 * ```
 */
export type RangeKeyName<D> = {
  [K in keyof D]-?: D[K] extends {
    /** Marks the range key. */
    readonly rangeKey: true;
  }
    ? K
    : never;
}[keyof D] &
  string;

/** The value a key attribute accepts (as given to `get`, before its `set` transform). @internal */
type KeyValue<V> = AttributeValue<V, "input">;

/**
 * What `Model.get` / `Model.delete` (and the key argument of `Model.update`) accept, for a model
 * (`InferKey<typeof Order>`), a `Schema` or a schema definition `X` with settings `S`:
 *
 * - hash key marked, no range key: the hash value itself or `{ [hash]: value }`;
 * - hash and range keys marked: `{ [hash]: value; [range]: value }`;
 * - no `hashKey: true` anywhere: a loose fallback, `string | number | Partial<InferInput<X, S>>`, because the run-time
 *   default hash key (the definition's first attribute) is invisible to the type system.
 *
 * @example
 * ```ts
 * const definition = { pk: { type: String, hashKey: true }, sk: { type: Number, rangeKey: true } } as const;
 * type Key = InferKey<typeof definition>; // { pk: string; sk: number }
 * type UserKey = InferKey<{ readonly id: { readonly type: StringConstructor; readonly hashKey: true } }>; // string | { id: string }
 * type OrderKey = InferKey<typeof Order>; // the key type of a model
 * ```
 */
export type InferKey<X extends InferSource, S extends SchemaSettings = {}> = X extends TypedModel
  ? ModelTypesOf<X> extends {
      /** The key type a model carries. */
      key(value: infer K): void;
    }
    ? K
    : never
  : KeyOf<DefinitionOf<X>, SettingsOf<X, S>>;

/**
 * {@link InferKey} of a schema definition `D` with settings `S`: {@link HashKey}, {@link HashRangeKey} or
 * {@link LooseKey}, named types that editors show by name (a conditional type is shown by its result). @internal
 */
export type KeyOf<D, S> = [HashKeyName<D>] extends [never]
  ? LooseKey<D, S>
  : [RangeKeyName<D>] extends [never]
    ? HashKey<D>
    : HashRangeKey<D>;

/**
 * The key of a model whose schema marks a hash key and no range key: the hash value itself or `{ [hash]: value }`
 * (what `InferKey` gives for it, and what editors show as its key type).
 *
 * @example
 * ```ts
 * type UserKey = HashKey<{ readonly id: { readonly type: StringConstructor; readonly hashKey: true } }>; // string | { id: string }
 * ```
 */
export type HashKey<D> = KeyValue<D[HashKeyName<D>]> | { [K in HashKeyName<D>]: KeyValue<D[K]> };

/**
 * The key of a model whose schema marks a hash key and a range key: `{ [hash]: value; [range]: value }`.
 *
 * @example
 * ```ts
 * type OrderKey = HashRangeKey<{ readonly pk: { readonly type: StringConstructor; readonly hashKey: true }; readonly sk: { readonly type: NumberConstructor; readonly rangeKey: true } }>; // { pk: string; sk: number }
 * ```
 */
export type HashRangeKey<D> = { [K in HashKeyName<D> | RangeKeyName<D>]: KeyValue<D[K]> };

/**
 * The key of a model whose schema marks no `hashKey: true`: the run-time hash key (the first attribute) is invisible to
 * the type system, so any string or number, or a partial item.
 *
 * @example
 * ```ts
 * type K = LooseKey<{ readonly id: StringConstructor }, {}>; // string | number | { id?: string }
 * ```
 */
export type LooseKey<D, S> = string | number | Prettify<Partial<ObjectOf<D, S, "input">>>;
