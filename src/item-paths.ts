/**
 * Type-level attribute paths of an item type (`"address.city"`, `"tags[0]"`) and the value type at one: what
 * typed conditions (expression/) and typed update objects (schema/ inference) both need. A leaf, so that
 * `expression/` and `schema/` never import each other.
 *
 * @module
 */

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
        [K in keyof T & string]-?: KeyPaths<K, NonNullable<T[K]>, D>;
      }[keyof T & string]
    : never;

/** The paths of the attribute `K` whose value is `X`: none for a method, `K` alone for a leaf, else `K` and those below it. */
type KeyPaths<K extends string, X, D extends number> = X extends Method ? never : X extends Leaf ? K : K | `${K}${SubPath<X, D>}`;

/** A method (of an item: `save`, `toJSON`…): not an attribute. */
type Method = (...args: never[]) => unknown;

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
