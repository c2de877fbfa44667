/**
 * `dynamodel.type`: the special attribute types and values of a schema (Dynamoose v4's `dynamoose.type`).
 *
 * @module
 */

// The four symbols have named (branded) types rather than `unique symbol`: a `unique symbol` is only nameable
// through its own `const`, which a bundled `.d.ts` does not export, so an exported model's inferred type could not be
// written out by a `declaration: true` build (TS2527). A named type is reachable as `import("dynamodel").NullSymbol`.

/** The type of `dynamodel.type.NULL`. @example `const t: NullSymbol = dynamodel.type.NULL` */
export type NullSymbol = symbol & {
  /** The brand that tells the symbol types apart (type-only). */
  readonly "~dynamodel": "NULL";
};
/** The type of `dynamodel.type.ANY`. @example `const t: AnySymbol = dynamodel.type.ANY` */
export type AnySymbol = symbol & {
  /** The brand that tells the symbol types apart (type-only). */
  readonly "~dynamodel": "ANY";
};
/** The type of `dynamodel.type.UNDEFINED`. @example `const t: UndefinedSymbol = dynamodel.type.UNDEFINED` */
export type UndefinedSymbol = symbol & {
  /** The brand that tells the symbol types apart (type-only). */
  readonly "~dynamodel": "UNDEFINED";
};
/** The type of `dynamodel.type.THIS`. @example `const t: ThisSymbol = dynamodel.type.THIS` */
export type ThisSymbol = symbol & {
  /** The brand that tells the symbol types apart (type-only). */
  readonly "~dynamodel": "THIS";
};

/** As a type: the DynamoDB `NULL` type, whose only value is `null`. */
export const NULL = Symbol("dynamodel.null") as NullSymbol;
/** As a type: any value, stored as marshalled. As the `schema` of an Object or Array: children of any type. */
export const ANY = Symbol("dynamodel.any") as AnySymbol;
/** As a value: the attribute is absent (skips `default`; in `Model.update` it becomes `REMOVE`). As a type: may be absent. */
export const UNDEFINED = Symbol("dynamodel.undefined") as UndefinedSymbol;
/** As a type: a reference to the model being defined (for self-referencing models). */
export const THIS = Symbol("dynamodel.this") as ThisSymbol;

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

/**
 * `dynamodel.type`: the special types and values of a schema.
 *
 * @example
 * ```ts
 * new dynamodel.Schema({ id: String, maybe: [String, dynamodel.type.NULL], kind: dynamodel.type.CONSTANT("user") });
 * ```
 */
export const type = {
  NULL,
  ANY,
  UNDEFINED,
  THIS,
  /** An attribute that always equals its value: `type.CONSTANT("order")`. */
  CONSTANT,
  /** A string attribute computed on save from others: `type.COMBINE(["first", "last"], " ")`. */
  COMBINE,
} as const;
