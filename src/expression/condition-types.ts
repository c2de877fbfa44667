/**
 * Type helpers that let `Condition<Item>` autocomplete attribute paths and type comparison values.
 * With the default item type (`Record<string, unknown>`) every path is a `string` and every value `unknown`,
 * so plain Dynamoose-style code is unaffected.
 *
 * @module
 */
import type { AttributeTypeName } from "./condition-node.js";

type Leaf =
  | string
  | number
  | bigint
  | boolean
  | symbol
  | null
  | undefined
  | Date
  | Uint8Array
  | ArrayBuffer
  | ReadonlySet<unknown>
  | ReadonlyMap<unknown, unknown>
  | ((...args: never[]) => unknown);

type Depth = [never, 0, 1, 2, 3, 4];

type SubPath<X, D extends number> = [D] extends [never]
  ? never
  : X extends Leaf
    ? never
    : X extends readonly (infer E)[]
      ? `[${number}]` | `[${number}]${SubPath<NonNullable<E>, Depth[D]>}`
      : X extends object
        ? `.${AttributePath<X, Depth[D]>}`
        : never;

/**
 * Every attribute path of an item type, in `a.b[0].c` notation (4 levels deep), for autocompletion.
 * `string` when the item type is open (`Record<string, unknown>`).
 *
 * @example
 * ```ts
 * type P = AttributePath<{ id: string; address: { city: string }; tags: string[] }>;
 * // "id" | "address" | "address.city" | "tags" | `tags[${number}]`
 * ```
 */
export type AttributePath<T, D extends number = 4> = [D] extends [never]
  ? never
  : T extends object
    ? {
        [K in keyof T & string]-?: NonNullable<T[K]> extends Method ? never : K | `${K}${SubPath<NonNullable<T[K]>, D>}`;
      }[keyof T & string]
    : never;

/** A method (of an item: `save`, `toJSON`…): not an attribute. */
type Method = (...args: never[]) => unknown;

/**
 * The attributes a condition is typed by: the item type `T` itself, or the item type of a model when `T` is one
 * (`new Condition<typeof Order>()`).
 *
 * @example
 * ```ts
 * type F = ConditionFields<typeof Order>; // InferItem<typeof Order>
 * type G = ConditionFields<{ id: string }>; // { id: string }
 * ```
 */
export type ConditionFields<T> = T extends { readonly __dynamodelModel: true; readonly "~types"?: { readonly item: infer I } } ? I : T;

type Field<T, K extends string> = T extends object ? (K extends keyof T ? Exclude<T[K], undefined> : unknown) : unknown;
type Element<X> = NonNullable<X> extends readonly (infer E)[] ? E : unknown;
type Indexed<X, More extends string> = More extends `[${string}]${infer Rest}` ? Indexed<Element<X>, Rest> : X;
type SegmentValue<T, S extends string> = S extends `${infer Name}[${string}]${infer More}`
  ? Indexed<Element<Field<NonNullable<T>, Name>>, More>
  : Field<NonNullable<T>, S>;

/**
 * The value type at a path of an item type; `unknown` when the item type does not say.
 *
 * @example
 * ```ts
 * type V = PathValue<{ address: { zip: number } }, "address.zip">; // number
 * ```
 */
export type PathValue<T, P extends string> = unknown extends T
  ? unknown
  : P extends `${infer Head}.${infer Rest}`
    ? PathValue<SegmentValue<T, Head>, Rest>
    : SegmentValue<T, P>;

/**
 * What `contains` accepts for an attribute of type `V`: an element of a set or list, a substring of a string.
 *
 * @example
 * ```ts
 * type E = ContainsValue<Set<string>>; // string
 * ```
 */
export type ContainsValue<V> = unknown extends V
  ? unknown
  : V extends ReadonlySet<infer E>
    ? E
    : V extends readonly (infer E)[]
      ? E
      : V extends string
        ? string
        : V;

/**
 * The `{op: value}` form of one attribute in `new Condition({...})` (only the first key counts, as in Dynamoose).
 *
 * @example
 * ```ts
 * const c: ComparisonObject<number> = { between: [1, 5] };
 * ```
 */
export type ComparisonObject<V> =
  | { readonly eq: V }
  | { readonly ne: V }
  | { readonly lt: V }
  | { readonly le: V }
  | { readonly gt: V }
  | { readonly ge: V }
  | { readonly beginsWith: V }
  | { readonly contains: ContainsValue<V> }
  | { readonly exists: boolean }
  | { readonly in: readonly V[] }
  | { readonly between: readonly [V, V] }
  | { readonly attributeType: AttributeTypeName };

/**
 * The object form of a condition: each key is a path, each value a plain value (`eq`) or a {@link ComparisonObject};
 * keys are joined with AND.
 *
 * @example
 * ```ts
 * const o: ConditionObject<User> = { name: "bob", age: { gt: 18 } };
 * ```
 */
export type ConditionObject<T> = { readonly [P in AttributePath<T>]?: PathValue<T, P> | ComparisonObject<PathValue<T, P>> };

/**
 * A raw DynamoDB condition: used as is, its placeholders re-mapped into the request's registry.
 * Values may be `AttributeValue`s or plain values (marshalled with the default encoder).
 *
 * @example
 * ```ts
 * new Condition({ ConditionExpression: "#a > :a", ExpressionAttributeNames: { "#a": "age" }, ExpressionAttributeValues: { ":a": { N: "1" } } });
 * ```
 */
export type RawConditionObject = (
  | { readonly ConditionExpression: string; readonly FilterExpression?: never }
  | { readonly FilterExpression: string; readonly ConditionExpression?: never }
) & {
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>;
  readonly ExpressionAttributeValues?: Readonly<Record<string, unknown>>;
};
