/**
 * The recursive core of schema inference: attribute definition → value type, and definition → object type, in two
 * modes: `"item"` (what reads return) and `"input"` (what `create` / `new Model(obj)` accept). @internal
 *
 * @module
 */
import type { ANY, CombineType, ConstantType, NULL, THIS, UNDEFINED } from "../attribute-types.js";
import type { AttributeDefinition, BufferConstructorType, BufferInstance, DateType, ModelReference, SchemaLike } from "../definition.js";
import type { AllowsUnknown, TimestampNames, Versioned } from "./settings.js";

/**
 * Flattens an intersection into one object type, so editor hovers show plain properties.
 *
 * @example
 * ```ts
 * type T = Prettify<{ a: string } & { b?: number }>; // { a: string; b?: number }
 * ```
 */
export type Prettify<T> = { [K in keyof T]: T[K] } & {};

/**
 * Which stage a value is inferred for: read from the table, given to `create` / `new Model(obj)`, or as an attribute's
 * `set` and `validate` receive it (`"stored"`: Dates as their epoch number or ISO text, Sets as `Set`; otherwise as
 * input). @internal
 */
export type Mode = "item" | "input" | "stored";

/**
 * The phantom a `Schema` instance carries so that a nested schema (`{ address: addressSchema }`) is inferable. The
 * `Schema` class declares it (`declare readonly "~types"?: { definition: D; settings: S }`); it never exists at run time.
 */
export interface SchemaTypes<D = unknown, S = unknown> {
  readonly "~types"?: { readonly definition: D; readonly settings: S };
}

/** A model reference, as read (the referenced item's key, or the item once populated). @internal */
type ReferenceValue<M extends Mode> = M extends "item" ? string | number | Record<string, unknown> : string | number | object;

/**
 * A Date: read as `Date`; a number (epoch milliseconds or seconds, per storage) is also accepted on input; stored as
 * that number or as ISO text. @internal
 */
type DateValue<M extends Mode> = M extends "item" ? Date : M extends "input" ? Date | number : number | string;

/** A Buffer: read as `Buffer`; any `Uint8Array` is accepted on input. @internal */
type BufferValue<M extends Mode> = M extends "item" ? BufferInstance : BufferInstance | Uint8Array;

/** An Object's value from its `schema` setting (a definition, a nested `Schema`, or none / `ANY`). @internal */
type ObjectValue<Sc, M extends Mode> = Sc extends readonly unknown[] | typeof ANY
  ? Record<string, unknown>
  : Sc extends SchemaLike
    ? NestedSchemaValue<Sc, M>
    : Sc extends object
      ? ObjectOf<Sc, {}, M>
      : Record<string, unknown>;

/** An Array's value from its `schema` setting (`[element]`, or none / `ANY`). @internal */
type ArrayValue<Sc, M extends Mode> = Sc extends readonly [infer E, ...unknown[]] | readonly (infer E)[]
  ? M extends "item"
    ? AttributeValue<E, M>[]
    : readonly AttributeValue<E, M>[]
  : M extends "item"
    ? unknown[]
    : readonly unknown[];

/** A Set's value from its `schema` setting (`[String]`, `[Number]`, `[Date]`, `[Buffer]`); input also takes an array. @internal */
type SetValue<Sc, M extends Mode> = Sc extends readonly [infer E, ...unknown[]] | readonly (infer E)[]
  ? M extends "input"
    ? ReadonlySet<AttributeValue<E, M>> | readonly AttributeValue<E, M>[]
    : Set<AttributeValue<E, M extends "item" ? M : "input">>
  : M extends "input"
    ? ReadonlySet<unknown> | readonly unknown[]
    : Set<unknown>;

/** A type given by name (`"string"`, `"Number"`, …), already lower-cased. @internal */
type NamedTypeValue<N extends string, Sc, M extends Mode> = N extends "string"
  ? string
  : N extends "number"
    ? number
    : N extends "boolean"
      ? boolean
      : N extends "date"
        ? DateValue<M>
        : N extends "buffer"
          ? BufferValue<M>
          : N extends "object"
            ? ObjectValue<Sc, M>
            : N extends "array"
              ? ArrayValue<Sc, M>
              : N extends "null"
                ? null
                : unknown;

/**
 * The value of one attribute type (`String`, `Date`, `CONSTANT("x")`, `"number"`, a model…); `Sc` is the `schema`
 * setting beside it. Distributes over a union of types. @internal
 */
export type TypeValue<T, Sc, M extends Mode> = T extends string
  ? NamedTypeValue<Lowercase<T>, Sc, M>
  : T extends symbol
    ? T extends typeof NULL
      ? null
      : T extends typeof UNDEFINED
        ? undefined
        : T extends typeof THIS
          ? ReferenceValue<M>
          : T extends typeof ANY
            ? unknown
            : unknown
    : T extends ModelReference
      ? ReferenceValue<M>
      : T extends ConstantType<infer C>
        ? C
        : T extends CombineType
          ? string
          : T extends StringConstructor
            ? string
            : T extends NumberConstructor
              ? number
              : T extends BooleanConstructor
                ? boolean
                : T extends BigIntConstructor
                  ? bigint
                  : T extends DateConstructor | DateType
                    ? DateValue<M>
                    : T extends BufferConstructorType
                      ? BufferValue<M>
                      : T extends SetConstructor
                        ? SetValue<Sc, M>
                        : T extends ArrayConstructor
                          ? ArrayValue<Sc, M>
                          : T extends ObjectConstructor
                            ? ObjectValue<Sc, M>
                            : unknown;

/** The members of a type or of a union of types. @internal */
type Members<T> = T extends readonly unknown[] ? T[number] : T;

/** The `type` of an attribute definition in any of its forms (shorthand, union, full). @internal */
type TypeOf<V> = V extends readonly unknown[] | SchemaLike | ModelReference ? V : V extends { readonly type: infer T } ? T : V;

/** A nested `Schema` used as a value: its own definition and settings, or an unknown object. @internal */
type NestedSchemaValue<V, M extends Mode> =
  V extends SchemaTypes<infer D, infer S> ? (unknown extends D ? Record<string, unknown> : ObjectOf<D, S, M>) : Record<string, unknown>;

/**
 * The value of one attribute definition: shorthand type, union, full form (`enum` wins over `type`), nested schema or
 * model. `undefined` is removed (an `UNDEFINED` member makes the property optional instead). @internal
 */
export type AttributeValue<V, M extends Mode> = V extends SchemaLike
  ? NestedSchemaValue<V, M>
  : V extends ModelReference
    ? ReferenceValue<M>
    : V extends readonly unknown[]
      ? Exclude<UnionMemberValue<V[number], M>, undefined>
      : V extends { readonly type: infer T }
        ? V extends { readonly enum: readonly (infer E)[] }
          ? E | (typeof NULL extends Members<T> ? null : never)
          : Exclude<TypeValue<Members<T>, V extends { readonly schema: infer Sc } ? Sc : undefined, M>, undefined>
        : Exclude<TypeValue<V, undefined, M>, undefined>;

/** One member of a union: a type, or a full definition (`[{ type: Object, schema }, Number]`). @internal */
type UnionMemberValue<E, M extends Mode> = E extends { readonly type: unknown }
  ? AttributeDefinition extends E
    ? unknown
    : AttributeValue<E, M>
  : TypeValue<E, undefined, M>;

/** `true` when a union includes `UNDEFINED` (the attribute may be absent whatever its settings). @internal */
type MayBeAbsent<V> = typeof UNDEFINED extends Members<TypeOf<V>> ? true : false;

/** `true` for `CONSTANT` and `COMBINE` attributes (their value is produced by the library). @internal */
type IsGenerated<V> = TypeOf<V> extends ConstantType | CombineType ? true : false;

/** Settings that make a value present in what reads return. @internal */
type AlwaysPresent =
  | { readonly hashKey: true }
  | { readonly rangeKey: true }
  | { readonly required: true }
  | { readonly default: unknown }
  | { readonly forceDefault: true };

/** Settings that make a value mandatory in input (unless a `default` fills it). @internal */
type MustBeGiven = { readonly hashKey: true } | { readonly rangeKey: true } | { readonly required: true };

/** Whether an attribute is a non-optional property in the given mode. @internal */
export type IsRequired<V, M extends Mode> =
  MayBeAbsent<V> extends true
    ? false
    : M extends "item"
      ? V extends AlwaysPresent
        ? true
        : IsGenerated<V>
      : V extends { readonly default: unknown }
        ? false
        : IsGenerated<V> extends true
          ? false
          : V extends MustBeGiven
            ? true
            : false;

/** The attribute names of a definition that are required in the given mode. @internal */
export type RequiredKeys<D, M extends Mode> = { [K in keyof D]-?: IsRequired<D[K], M> extends true ? K : never }[keyof D];

/** Timestamp properties: always present when read, optional on input. @internal */
type Timestamps<S, M extends Mode> = [TimestampNames<S>] extends [never]
  ? {}
  : M extends "item"
    ? { [K in TimestampNames<S>]: DateValue<M> }
    : { [K in TimestampNames<S>]?: DateValue<M> };

/**
 * The object type of a definition and its settings in the given mode: required and optional properties, timestamps,
 * and an index signature when `saveUnknown` keeps unknown attributes. A wide `SchemaDefinition` (no literal keys)
 * gives `Record<string, unknown>`. @internal
 */
export type ObjectOf<D, S, M extends Mode> = string extends keyof D
  ? Record<string, unknown>
  : Prettify<
      { -readonly [K in RequiredKeys<D, M>]-?: AttributeValue<D[K], M> } & {
        -readonly [K in Exclude<keyof D, RequiredKeys<D, M>>]?: AttributeValue<D[K], M>;
      } & Timestamps<S, M> &
        Versioned<S, M> &
        (AllowsUnknown<S> extends true ? Record<string, unknown> : {})
    >;
