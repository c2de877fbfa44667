/**
 * Typed callbacks in a plain schema definition: `validate(value)`, `set(value, oldValue)`, `get(value)` and `default()`
 * take and return the value type of their attribute, so `{ type: Number, validate: (v) => v > 0 }` gives `v: number`.
 *
 * How: `new Schema(definition)` infers the definition twice. `D` is the definition as written (what the item types
 * come from); `T` is inferred only through {@link DefinitionShape}, which reaches each attribute's `type` (and its
 * `schema`, at any depth) property by property, so the callbacks beside it do not block the inference. The callbacks
 * are then typed from `T` by {@link CheckedDefinition}, under `NoInfer` so that they never feed `T` back.
 *
 * The shape sits in the branch of a conditional type that an inferred `T` never takes ({@link CheckedOrShape}):
 * inference visits both branches, the check after it relates the definition to `CheckedDefinition<T>` only. Related
 * too (an intersection member), the shape cost as much again to check as the rest of `new Schema` (40 attributes:
 * 32,042 instantiations with it, 16,339 without), for no error it could report.
 *
 * @module
 */
import type { AttributeDefinition, AttributeValueDefinition, SchemaDefinition, SchemaLike } from "../definition.js";
import type { AttributeValue } from "./value.js";

/**
 * What `default` returns (and `set` may return): the attribute as given to `create` / `new Model(obj)` (a Date
 * attribute takes a `Date` or epoch number, a Set an array or a Set), never `null`.
 *
 * @example
 * ```ts
 * type V = InputValue<{ readonly type: DateConstructor }>; // Date | number
 * ```
 */
export type InputValue<A> = Exclude<AttributeValue<A, "input">, null>;

/**
 * The value an attribute's `set` and `validate` receive, as in Dynamoose: the attribute in its stored form (a Date
 * as its epoch number or ISO text, per its `storage`; a Set attribute as a `Set`), never `null` (callbacks are not
 * called for `null`).
 *
 * @example
 * ```ts
 * type V = StoredValue<{ readonly type: DateConstructor }>; // number | string
 * ```
 */
export type StoredValue<A> = Exclude<AttributeValue<A, "stored">, null>;

/**
 * The value an attribute's `get` receives and returns: the attribute as read (a Date attribute gives a `Date`, a Set
 * a `Set`), never `null`.
 *
 * @example
 * ```ts
 * type V = ReadValue<{ readonly type: SetConstructor; readonly schema: readonly [StringConstructor] }>; // Set<string>
 * ```
 */
export type ReadValue<A> = Exclude<AttributeValue<A, "item">, null>;

/**
 * The callbacks of one attribute definition `A`, typed from its `type` (and `schema`).
 *
 * @example
 * ```ts
 * const price = { type: Number, validate: (v: number) => v >= 0, set: (v: number) => Math.round(v) };
 * ```
 */
export interface AttributeCallbacks<A> {
  /** A check run when the value is present: a value to equal, a RegExp, or a (possibly async) predicate of the value. */
  readonly validate?: string | number | boolean | RegExp | ((value: StoredValue<A>) => boolean | Promise<boolean>);
  /**
   * Transform on save: the value in its stored form, and the attribute as last stored (`null` for a new item,
   * `undefined` in an update); returns a stored form or a value as given.
   */
  set?(
    value: StoredValue<A>,
    oldValue: StoredValue<A> | null | undefined,
  ): StoredValue<A> | InputValue<A> | Promise<StoredValue<A> | InputValue<A>>;
  /** Transform on read. */
  get?(value: ReadValue<A>): ReadValue<A> | Promise<ReadValue<A>>;
  /** Value used when the attribute is `undefined` on save: a value, or a (possibly async) function returning one. */
  readonly default?: InputValue<A> | (() => InputValue<A> | Promise<InputValue<A>>);
}

/** The `schema` setting of a full attribute definition, with the callbacks of its children typed. @internal */
type CheckedChildren<A> = A extends { readonly schema: infer S }
  ? S extends readonly unknown[]
    ? { readonly [I in keyof S & (`${number}` | number)]: CheckedAttribute<S[I]> }
    : S extends SchemaLike | symbol
      ? S
      : S extends object
        ? CheckedDefinition<S>
        : AttributeDefinition["schema"]
  : AttributeDefinition["schema"];

/** One attribute: a full definition gets typed callbacks; a shorthand or a union of types stays as it is. @internal */
type CheckedAttribute<A> = "type" extends keyof A
  ? [keyof A & TypedSetting] extends [never]
    ? AttributeDefinition
    : CheckedFull<Regular<A>>
  : AttributeValueDefinition;

/** The settings typed from the attribute: a definition without any of them is checked as it always was. @internal */
type TypedSetting = keyof AttributeCallbacks<unknown> | "schema";

/** A full attribute definition (`{ type, ...settings }`) with typed callbacks. @internal */
type CheckedFull<A> = Omit<AttributeDefinition, keyof AttributeCallbacks<A> | "schema"> &
  AttributeCallbacks<A> & {
    /** Children of an Object (a definition), of an Array (one element definition) or of a Set (one element type). */
    readonly schema?: CheckedChildren<A>;
  };

/**
 * What a schema definition is checked against, from its inferred shape `T`: every attribute definition with its
 * callbacks typed from its attribute ({@link AttributeCallbacks}), at every depth.
 *
 * @example
 * ```ts
 * new dynamodel.Schema({ price: { type: Number, validate: (v) => v >= 0 } }); // v: number
 * ```
 */
export type CheckedDefinition<T> = { readonly [K in keyof T]: CheckedAttribute<T[K]> };

/**
 * The inference-only view of a definition: each attribute ({@link AttributeShape}) and the children of its `schema`,
 * at every depth; the internals of a nested `Schema` or model, named in {@link Opaque}, are taken as they are.
 * Inferring `T` from it reaches every `type` even beside a callback whose parameter is not yet typed. @internal
 */
export type DefinitionShape<T> = { [P in keyof T]: P extends Opaque ? T[P] : AttributeShape<T[P]> };

/**
 * The inference-only view of one attribute: its settings other than `schema` ({@link PlainSetting}) and the internals
 * of a nested `Schema` or model taken as they are, anything else (the `schema`, the members of a shorthand) descended
 * into. Descending into a `default`, an `enum` or a
 * `required` too would infer every member of a number, an array or a boolean, for nothing: the callbacks only read
 * `type`, `enum` and `schema`. @internal
 */
type AttributeShape<A> = { [P in keyof A]: P extends PlainSetting | Opaque ? A[P] : DefinitionShape<A[P]> };

/** The settings of an attribute that never hold attribute definitions (all but `schema`). @internal */
type PlainSetting = Exclude<keyof AttributeDefinition, "schema"> | keyof AttributeCallbacks<unknown>;

/**
 * The names {@link DefinitionShape} does not descend into: an attribute's `type`, and the members of a nested `Schema`
 * or model that hold its compiled state. (Only names can stop the descent: a condition on the value would stop the
 * inference too.) An attribute with one of these names keeps untyped (`unknown`) callback parameters. @internal
 */
type Opaque = "type" | "prototype" | "definition" | "settings" | "~types" | "plan" | "shape" | "root" | "owner" | "table" | "schemas";

/**
 * `X` as a plain (non-fresh) object type at every depth, so that the conditional types of inference see it as written
 * (an inferred object literal is "fresh", and `extends` checks it for excess properties). @internal
 */
type Regular<X> = X extends Function | SchemaLike | symbol ? X : X extends object ? { [P in keyof X]: Regular<X[P]> } : X;

/**
 * The parameter type of a schema definition `D` whose callbacks are typed from its shape `T` (both inferred from the
 * same argument; see the module comment).
 *
 * @example
 * ```ts
 * declare function define<const D extends DefinitionInput, const T>(definition: TypedDefinition<D, T>): D;
 * ```
 */
export type TypedDefinition<D, T> = D & CheckedOrShape<T>;

/**
 * {@link CheckedDefinition} of an inferred shape; a shape left to its `unknown` default (the `super(...)` call of a
 * class that `extends Schema`) checks the definition as a `SchemaDefinition`, with untyped callbacks. The last branch,
 * {@link DefinitionShape}, is never taken (an inferred shape is an object): it is where `T` is inferred from, as
 * inference visits every branch of a conditional type, while the definition is never related to it. @internal
 */
type CheckedOrShape<T> = unknown extends T ? SchemaDefinition : [T] extends [object] ? CheckedDefinition<NoInfer<T>> : DefinitionShape<T>;

/**
 * The constraint of a definition being inferred: any object (the check is {@link CheckedDefinition}'s). A narrower
 * constraint would give the callbacks a second, untyped contextual type. @internal
 */
export interface DefinitionInput {
  readonly [attribute: string]: unknown;
}
