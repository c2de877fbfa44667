/**
 * Type helpers that let `Condition<Item>` autocomplete attribute paths and type comparison values.
 * With the default item type (`Record<string, unknown>`) every path is a `string` and every value `unknown`,
 * so plain Dynamoose-style code is unaffected.
 *
 * @module
 */
import type { AttributePath, PathValue } from "../item-paths.js";
import type { AttributeTypeName } from "./condition-node.js";

export type { AttributePath, PathValue };

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
