/**
 * `InferUpdate`: the update object `Model.update` accepts.
 *
 * @module
 */
import type { AttributePath, PathValue } from "../../item-paths.js";
import type {
  AppendOperation,
  DecrementOperation,
  IfNotExistsOperation,
  IncrementOperation,
  PrependOperation,
  UpdateOperation,
} from "../../update-operations.js";
import type { UNDEFINED } from "../attribute-types.js";
import type { AllowsUnknown } from "./settings.js";
import type { SchemaSettings } from "../definition.js";
import type { HashKeyName, RangeKeyName } from "./key.js";
import type { DefinitionOf, InferSource, ModelTypesOf, SettingsOf, TypedModel } from "./source.js";
import type { ObjectOf, Prettify, RequiredKeys } from "./value.js";

/**
 * Attributes that `$REMOVE` (or an `undefined` value) may remove: those not required in input (a `default` makes an
 * attribute optional there). Read from the required keys the input type already computed. @internal
 */
type RemovableKeys<D> = Exclude<keyof D & string, RequiredKeys<D, "input">>;

/** `string` when the schema saves unknown attributes (any of them may be removed), else `never`. @internal */
type UnknownNames<D, S> = string extends keyof ObjectOf<D, S, "input"> ? string : never;

/** `T` without the properties named `K`; unlike `Omit`, keeps the other properties beside an index signature. @internal */
type Without<T, K> = { [P in keyof T as P extends K ? never : P]: T[P] };

/** The elements of a list type (never for anything else). @internal */
type ListElement<O> = O extends readonly (infer E)[] ? E : never;

/**
 * The update operations an attribute takes, from its input type `I` and read type `O`: `ifNotExists` always,
 * `increment`/`decrement` on numbers (and bigints), `append`/`prepend` on lists. @internal
 */
type OperationOf<I, O> = unknown extends O
  ? UpdateOperation
  :
      | IfNotExistsOperation<Exclude<I, undefined>>
      | (number extends O ? IncrementOperation<number> | DecrementOperation<number> : never)
      | (bigint extends O ? IncrementOperation<bigint> | DecrementOperation<bigint> : never)
      | ([ListElement<O>] extends [never] ? never : AppendOperation<ListElement<O>> | PrependOperation<ListElement<O>>);

/** The read type of `K` in `Item` (`unknown` when absent). @internal */
type ReadOf<Item, K> = K extends keyof Item ? Exclude<Item[K], undefined> : unknown;

/** Every property of `In` optional, also taking its update operations. @internal */
type WithOperations<In, Item> = { [K in keyof In]?: In[K] | OperationOf<In[K], ReadOf<Item, K>> };

/** The non-key attributes (all of them, plus the timestamps and unknown attributes in `saveUnknown` schemas). @internal */
type Updatable<D, S> = Prettify<WithOperations<Without<ObjectOf<D, S, "input">, HashKeyName<D> | RangeKeyName<D>>, ObjectOf<D, S, "item">>>;

/** What `$ADD` takes for a value read as `O`: a number, elements of a Set (one or several), or elements of a List (appended). @internal */
type AddValue<O> = unknown extends O
  ? unknown
  :
      | (number extends O ? number : never)
      | (O extends ReadonlySet<infer E> ? E | readonly E[] | ReadonlySet<E> : never)
      | (O extends readonly (infer E)[] ? E | readonly E[] : never);

/** What `$DELETE` takes for a value read as `O`: elements of a Set. @internal */
type DeleteValue<O> = unknown extends O ? unknown : O extends ReadonlySet<infer E> ? E | readonly E[] | ReadonlySet<E> : never;

/**
 * A document path in any form: `"address.city"`, `"list[2].x"`, or quoted names holding `.`, `[` or `]`
 * (`'["a.b"]'`, `'m["x[0]"]'`). The update type of a `saveUnknown` schema takes any of them; other schemas take the
 * nested paths they declare, and quoted paths (checked when the update runs).
 */
export type DocumentPath = `${string}.${string}` | `${string}[${number}]${string}` | QuotedPath;

/** A path with a quoted name (`'m["x.y"]'`): passed through, checked when the update runs. @internal */
type QuotedPath = `${string}["${string}"]${string}`;

/**
 * The document paths an update may name: any when the schema saves unknown attributes, else the nested paths of
 * declared attributes (`"address.city"`, `"lines[0].qty"`; 5 levels deep) and quoted paths. @internal
 */
type PathsOf<D, S> = AllowsUnknown<S> extends true ? DocumentPath : Exclude<AttributePath<ObjectOf<D, S, "input">>, keyof D> | QuotedPath;

/** The value a document path takes (with update operations; `undefined`/`UNDEFINED` remove it). @internal */
type PathSetValue<I, P extends string> =
  unknown extends PathValue<I, P> ? unknown : PathValue<I, P> | UpdateOperation | typeof UNDEFINED | undefined;

/** Document paths set as plain properties or in `$SET`. @internal */
type PathValues<D, S, P extends string> = { readonly [K in P]?: PathSetValue<ObjectOf<D, S, "input">, K> };

/** The operator forms of an update. @internal */
interface UpdateOperators<Item, Values, Removable extends PropertyKey, Paths extends string, PathSet> {
  /** Attributes to set (whole values or update operations) and document paths. */
  $SET?: Values & PathSet;
  /** Numbers to add, elements to add to a Set, elements to append to a List (document paths too). */
  $ADD?: {
    [K in keyof Item as [AddValue<Exclude<Item[K], undefined>>] extends [never] ? never : K]?: AddValue<Exclude<Item[K], undefined>>;
  } & { readonly [P in Paths]?: unknown };
  /** Attributes to remove: names or document paths, or an object whose keys are those. */
  $REMOVE?:
    | Removable
    | Paths
    | readonly (Removable | Paths)[]
    | ({ readonly [K in Removable]?: unknown } & { readonly [P in Paths]?: unknown });
  /** Elements to delete from Set attributes (document paths too). */
  $DELETE?: {
    [K in keyof Item as [DeleteValue<Exclude<Item[K], undefined>>] extends [never] ? never : K]?: DeleteValue<Exclude<Item[K], undefined>>;
  } & { readonly [P in Paths]?: unknown };
}

/**
 * The update object `Model.update` accepts, for a model (`InferUpdate<typeof Order>`), a `Schema` or a schema
 * definition `X` with settings `S`.
 *
 * Plain properties (`{ name: "Bob" }`) and document paths (`{ "address.city": "Paris" }`) are set; a plain property or
 * `$SET` entry also takes an update operation of its type (`update.ifNotExists(v)` on any attribute,
 * `update.increment(n)`/`decrement(n)` on numbers, `update.append(list)`/`prepend(list)` on lists of that element type).
 * Document paths (`"a.b"`, `"list[0]"`) must name declared nested attributes and take their value types, unless the
 * schema saves unknown attributes ({@link DocumentPath}); quoted names (`'m["x.y"]'`) are checked when the update
 * runs. The operators are `$SET`, `$ADD` (numbers,
 * Set and List attributes), `$REMOVE` (optional attributes, as a list of names or `{ name: null }`) and `$DELETE`
 * (elements of Set attributes). A removable attribute also takes `undefined` or `dynamodel.type.UNDEFINED` (→ REMOVE).
 * Key attributes may appear as plain properties (the single-object form `Model.update({ id, ...changes })`), not in
 * the operators. The types are lenient on purpose: they never reject a valid Dynamoose update of a known attribute.
 *
 * @example
 * ```ts
 * const definition = { id: { type: String, hashKey: true }, age: Number, tags: { type: Set, schema: [String] } } as const;
 * const update: InferUpdate<typeof definition> = { age: 30, $ADD: { tags: ["new"] }, $REMOVE: ["age"] };
 * ```
 */
export type InferUpdate<X extends InferSource, S extends SchemaSettings = {}> = X extends TypedModel
  ? ModelTypesOf<X> extends {
      /** The update type a model carries. */
      update(value: infer U): void;
    }
    ? U
    : never
  : UpdateOf<DefinitionOf<X>, SettingsOf<X, S>>;

/**
 * The update object `Model.update` accepts for a schema definition `D` with settings `S` ({@link InferUpdate} of a
 * definition): plain properties, operators and document paths. A named type, so that editors show a model's update
 * type as `UpdateOf<...>`; an intersection (an alias keeps its name), not flattened into one object type, which cost
 * a second pass over every property (1,200 instantiations of the bench's 40-attribute fixture).
 *
 * @example
 * ```ts
 * type U = UpdateOf<{ readonly id: { readonly type: StringConstructor; readonly hashKey: true }; readonly age: NumberConstructor }, {}>;
 * const update: U = { age: 30, $ADD: { age: 1 } };
 * ```
 */
export type UpdateOf<D, S> = {
  [K in keyof ObjectOf<D, S, "input">]?:
    | ObjectOf<D, S, "input">[K]
    | OperationOf<ObjectOf<D, S, "input">[K], ReadOf<ObjectOf<D, S, "item">, K>>
    | (K extends RemovableKeys<D> ? typeof UNDEFINED | undefined : never);
} & UpdateOperators<
  Without<ObjectOf<D, S, "item">, HashKeyName<D> | RangeKeyName<D>>,
  Updatable<D, S>,
  Exclude<RemovableKeys<D>, HashKeyName<D> | RangeKeyName<D>> | UnknownNames<D, S>,
  PathsOf<D, S>,
  PathValues<D, S, PathsOf<D, S>>
> &
  PathValues<D, S, PathsOf<D, S>>;
