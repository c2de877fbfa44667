/**
 * `dynamodel.type`: the special attribute types and values of a schema (Dynamoose v4's `dynamoose.type`).
 *
 * @module
 */

/** As a type: the DynamoDB `NULL` type, whose only value is `null`. */
export const NULL: unique symbol = Symbol("dynamodel.null");
/** As a type: any value, stored as marshalled. As the `schema` of an Object or Array: children of any type. */
export const ANY: unique symbol = Symbol("dynamodel.any");
/** As a value: the attribute is absent (skips `default`; in `Model.update` it becomes `REMOVE`). As a type: may be absent. */
export const UNDEFINED: unique symbol = Symbol("dynamodel.undefined");
/** As a type: a reference to the model being defined (for self-referencing models). */
export const THIS: unique symbol = Symbol("dynamodel.this");

/** The type object `CONSTANT(value)` returns. */
export interface ConstantType<V extends string | number | boolean = string | number | boolean> {
  readonly value: "Constant";
  readonly settings: { readonly value: V };
}

/** The type object `COMBINE(attributes, separator)` returns. */
export interface CombineType<A extends readonly string[] = readonly string[]> {
  readonly value: "Combine";
  readonly settings: { readonly attributes: A; readonly separator?: string };
}

/**
 * An attribute that must always equal `value`; stored as S, N or BOOL by its JavaScript type.
 *
 * @example
 * ```ts
 * new dynamodel.Schema({ id: String, kind: dynamodel.type.CONSTANT("order") });
 * ```
 */
export function CONSTANT<const V extends string | number | boolean>(value: V): ConstantType<V> {
  return { value: "Constant", settings: { value } };
}

/**
 * A string attribute computed on save from other attributes, joined by `separator` (default `","`).
 *
 * @example
 * ```ts
 * new dynamodel.Schema({ id: String, first: String, last: String, full: dynamodel.type.COMBINE(["first", "last"], " ") });
 * ```
 */
export function COMBINE<const A extends readonly string[]>(attributes: A, separator?: string): CombineType<A> {
  return separator === undefined
    ? { value: "Combine", settings: { attributes } }
    : { value: "Combine", settings: { attributes, separator } };
}

/** `dynamodel.type`. */
export const type = { NULL, ANY, UNDEFINED, THIS, CONSTANT, COMBINE } as const;
