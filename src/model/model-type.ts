/**
 * The static type of what `dynamodel.model()` returns: a class of items with the model's methods on it,
 * typed by the item (`T`), the input (`I`), the key (`K`) and the update (`U`) types inferred from the schema.
 *
 * @module
 */
import type {
  BatchGetItemCommandInput,
  BatchWriteItemCommandInput,
  DeleteItemCommandInput,
  GetItemCommandInput,
  PutItemCommandInput,
  UpdateItemCommandInput,
} from "@aws-sdk/client-dynamodb";
import type { Estimated } from "../aws/capacity.js";
import type { BatchDeleteResult, BatchGetResult, BatchGetSettings, BatchPutResult, BatchWriteSettings } from "../batch/index.js";
import type { Callback } from "../callback.js";
import type { AttributePath, Condition, ConditionObject, PathValue, RawConditionObject } from "../expression/index.js";
import type { Item, ItemSettings, SaveSettings } from "../item/item.js";
import type { Query, QueryCount, QueryResponse, Scan, ScanCount, ScanResponse } from "../query/index.js";
import type { ModelTypes } from "../schema/infer.js";
import type { Schema } from "../schema/schema.js";
import type { Table } from "../table/table.js";
import type { ModelTransaction } from "../transaction/types.js";
import type { MethodRegistry } from "./methods.js";
import type { DeleteSettings, GetSettings, UpdateSettings } from "../store/settings.js";
import type { PostHookContexts, PreHookContexts } from "../store/hook-context.js";
import type { HookEvent } from "../store/hooks.js";
import type { Serializers } from "./serializers.js";

/** An item of a model: its attributes and the Item methods. */
export type ItemOf<T> = T & Item;

/**
 * What `Model.query(init)` / `Model.scan(init)` take besides an attribute name: a condition object over the item
 * type, a `Condition` (typed by the item, or untyped), or a raw DynamoDB condition.
 *
 * @example
 * ```ts
 * const init: RetrieverInit<{ id: string; age: number }> = { id: "u1", age: { gt: 18 } };
 * ```
 */
export type RetrieverInit<T, N extends string = never> =
  | ([N] extends [never] ? ConditionObject<T> : ConditionObject<T> & { readonly [P in N]?: unknown })
  | Condition<T>
  | Condition
  | RawConditionObject;

type Names<X> = X extends string ? X : X extends readonly (infer E extends string)[] ? E : never;
type NamesAt<X, K extends string> = X extends { readonly [P in K]?: infer V } ? Names<V> : never;

/**
 * The other names (`map`, `alias`, `aliases`) of the top-level attributes of a schema definition: queries and
 * scans accept them too.
 *
 * @example
 * ```ts
 * type A = AliasNames<{ pk: { type: StringConstructor; map: "accountId" } }>; // "accountId"
 * ```
 */
export type AliasNames<D> = { [K in keyof D]-?: NamesAt<D[K], "map"> | NamesAt<D[K], "alias"> | NamesAt<D[K], "aliases"> }[keyof D];

/**
 * What a pre hook of model `T` (keys `K`, updates `U`) gets for each event.
 *
 * @example
 * ```ts
 * type C = PreHookContext<{ id: string }, string, { name?: string }>["save"]; // SaveItemContext<...> | SaveUpdateContext<...>
 * ```
 */
export type PreHookContext<T, K, U> = PreHookContexts<ItemOf<T>, K, U, Query<ItemOf<T>>, Scan<ItemOf<T>>>;

/**
 * What a post hook of model `T` (keys `K`, updates `U`) gets for each event: the pre context, `result` and `response`.
 *
 * @example
 * ```ts
 * type C = PostHookContext<{ id: string }, string, { name?: string }>["get"]; // GetContext<string> & { result; response }
 * ```
 */
export type PostHookContext<T, K, U> = PostHookContexts<
  ItemOf<T>,
  K,
  U,
  Query<ItemOf<T>>,
  Scan<ItemOf<T>>,
  QueryResponse<ItemOf<T>> | QueryCount,
  ScanResponse<ItemOf<T>> | ScanCount
>;

/** `Model.methods`: custom static methods, and `item` for custom item methods. */
export interface ModelMethods extends Pick<MethodRegistry, "set" | "delete"> {
  readonly item: Pick<MethodRegistry, "set" | "delete">;
}

// In each overloaded method the usual promise form comes last: TypeScript 7 reports a call that matches no overload
// against the last one taking as many arguments, so a wrong attribute or value is reported there rather than against
// a callback overload (TypeScript 5.9 reports the closest ones, whatever their order). `update` also lists it before
// its two-argument callback form, so that an update object typed `any` still resolves the item, not `void`.

/** A model: `new Model(obj)` makes an item; the statics read and write the table. */
export interface ModelType<T = Record<string, unknown>, I = Partial<T>, K = unknown, U = Partial<T>, N extends string = never>
  extends Pick<typeof Item, "objectToDynamo" | "fromDynamo" | "isDynamoObject" | "objectFromSchema" | "attributesWithSchema"> {
  /**
   * Makes an item; `obj` is deep-copied. A new item unless `settings.type` is `"fromDynamo"` (read from DynamoDB: an
   * AttributeValue map is unmarshalled, and the item counts as stored).
   */
  new (object?: I, settings?: ItemSettings): ItemOf<T>;
  /** The model itself (Dynamoose's `Model.Item`). */
  readonly Item: this;
  /** The model's engine (Dynamoose's `Model.Model`): what the Item statics `objectFromSchema` and `attributesWithSchema` take. */
  readonly Model: object;
  /** The model name. */
  readonly name: string;
  /** Brand: this is a model. @internal */
  readonly __dynamodelModel: true;
  /** The schemas of the model. */
  readonly schemas: readonly Schema[];
  /** Type-only phantom read by `InferItem<typeof Model>` and the other `Infer*` helpers; never set at run time. */
  readonly "~types"?: ModelTypes<T, I, K, U>;

  /**
   * Reads one item by key (GetItem); resolves `undefined` when it does not exist.
   * @example `const user = await User.get("u1", { attributes: ["id", "email"] })`
   */
  get(key: K, settings: GetSettings & { readonly return: "request" }): Promise<Estimated<GetItemCommandInput>>;
  /** With settings and a Node-style callback, which gets the result (the call returns nothing). */
  get(key: K, settings: GetSettings, callback: Callback<ItemOf<T> | undefined>): void;
  /** With a Node-style callback, which gets the result (the call returns nothing). */
  get(key: K, callback: Callback<ItemOf<T> | undefined>): void;
  /** Resolves the result. */
  get(key: K, settings?: GetSettings): Promise<ItemOf<T> | undefined>;

  /**
   * Creates an item; fails with `ConditionalCheckFailedException` when one with the same key exists.
   * @example `await User.create({ id: "u1", email: "a@b.c" })`
   */
  create(object: I, settings: SaveSettings & { readonly return: "request" }): Promise<Estimated<PutItemCommandInput>>;
  /** With settings and a Node-style callback, which gets the result (the call returns nothing). */
  create(object: I, settings: SaveSettings, callback: Callback<ItemOf<T>>): void;
  /** With a Node-style callback, which gets the result (the call returns nothing). */
  create(object: I, callback: Callback<ItemOf<T>>): void;
  /** Resolves the result. */
  create(object: I, settings?: SaveSettings): Promise<ItemOf<T>>;

  /**
   * Updates an item (UpdateItem): plain attributes and `$SET`, `$ADD`, `$REMOVE`, `$DELETE`; dotted paths update
   * nested attributes only. Resolves the updated item.
   * @example `await User.update({ id: "u1" }, { $ADD: { age: 1 }, "address.city": "Paris" })`
   */
  update(key: K, update: U, settings: UpdateSettings & { readonly return: "request" }): Promise<Estimated<UpdateItemCommandInput>>;
  /** Resolves the result. */
  update(key: K, update: U, settings?: UpdateSettings): Promise<ItemOf<T>>;
  /** With settings and a Node-style callback, which gets the result (the call returns nothing). */
  update(key: K, update: U, settings: UpdateSettings, callback: Callback<ItemOf<T>>): void;
  /** With a Node-style callback, which gets the result (the call returns nothing). */
  update(key: K, update: U, callback: Callback<ItemOf<T>>): void;
  /** With the key attributes inside the update object, and a Node-style callback (the call returns nothing). */
  update(keyAndUpdate: U, callback: Callback<ItemOf<T>>): void;
  /** With the key attributes inside the update object (Dynamoose's one-argument form). */
  update(keyAndUpdate: U): Promise<ItemOf<T>>;
  /** Resolves the updated item (listed last too, so that TypeScript 7 reports a wrong update against this form). */
  update(key: K, update: U, settings?: UpdateSettings): Promise<ItemOf<T>>;

  /**
   * Deletes an item by key.
   * @example `await User.delete("u1", { condition: new dynamodel.Condition("age").lt(18) })`
   */
  delete(key: K, settings: DeleteSettings & { readonly return: "request" }): Promise<Estimated<DeleteItemCommandInput>>;
  /** With settings and a Node-style callback, which gets the result (the call returns nothing). */
  delete(key: K, settings: DeleteSettings, callback: Callback<void>): void;
  /** With a Node-style callback, which gets the result (the call returns nothing). */
  delete(key: K, callback: Callback<void>): void;
  /** Resolves the result. */
  delete(key: K, settings?: DeleteSettings): Promise<void>;

  /**
   * Starts a query: with an attribute name (then an operator), a condition object, a `Condition` or a raw
   * DynamoDB condition; names (attribute paths and aliases) and values are checked against the item type. A name
   * typed only as `string` (computed at run time) is not checked.
   * @example `await User.query("email").eq("a@b.c").exec()`
   */
  query(): Query<ItemOf<T>>;
  /** From an attribute path or alias: the next operator takes its value type. */
  query<P extends AttributePath<T> | N>(path: P): Query<ItemOf<T>, PathValue<T, P>>;
  /** From a condition object, a `Condition` or a raw DynamoDB condition. */
  query(init: RetrieverInit<T, N>): Query<ItemOf<T>>;
  /** From a name known only at run time (typed `string`): not checked. */
  query<S extends string>(path: S & (string extends S ? string : never)): Query<ItemOf<T>>;
  /**
   * Starts a scan; takes what `query` takes.
   * @example `await User.scan("age").gt(18).exec()`
   */
  scan(): Scan<ItemOf<T>>;
  /** From an attribute path or alias: the next operator takes its value type. */
  scan<P extends AttributePath<T> | N>(path: P): Scan<ItemOf<T>, PathValue<T, P>>;
  /** From a condition object, a `Condition` or a raw DynamoDB condition. */
  scan(init: RetrieverInit<T, N>): Scan<ItemOf<T>>;
  /** From a name known only at run time (typed `string`): not checked. */
  scan<S extends string>(path: S & (string extends S ? string : never)): Scan<ItemOf<T>>;
  /**
   * Reads many items by key (BatchGetItem, 100 keys per request, unprocessed keys retried with backoff). Resolves
   * the items found in the order of `keys`, with `unprocessedKeys` (empty when all were read).
   * @example `const users = await User.batchGet(["u1", "u2"], { attributes: ["email"] })`
   */
  batchGet(keys: readonly K[], settings: BatchGetSettings & { readonly return: "request" }): Promise<Estimated<BatchGetItemCommandInput>>;
  /** With `{ return: "requests" }`: resolves the requests that would be sent, one per chunk, and sends nothing. */
  batchGet(
    keys: readonly K[],
    settings: BatchGetSettings & { readonly return: "requests" },
  ): Promise<Estimated<BatchGetItemCommandInput>[]>;
  /** With settings and a Node-style callback, which gets the result (the call returns nothing). */
  batchGet(keys: readonly K[], settings: BatchGetSettings, callback: Callback<BatchGetResult<ItemOf<T>, K>>): void;
  /** With a Node-style callback, which gets the result (the call returns nothing). */
  batchGet(keys: readonly K[], callback: Callback<BatchGetResult<ItemOf<T>, K>>): void;
  /** Resolves the result. */
  batchGet(keys: readonly K[], settings?: BatchGetSettings): Promise<BatchGetResult<ItemOf<T>, K>>;
  /**
   * Writes many items (BatchWriteItem, 25 per request, unprocessed writes retried with backoff); each item goes through
   * the save pipeline first. Resolves `unprocessedItems`: the items still not written (empty when all were).
   * @example `const { unprocessedItems } = await User.batchPut(users)`
   */
  batchPut(
    items: readonly I[],
    settings: BatchWriteSettings & { readonly return: "request" },
  ): Promise<Estimated<BatchWriteItemCommandInput>>;
  /** With `{ return: "requests" }`: resolves the requests that would be sent, one per chunk, and sends nothing. */
  batchPut(
    items: readonly I[],
    settings: BatchWriteSettings & { readonly return: "requests" },
  ): Promise<Estimated<BatchWriteItemCommandInput>[]>;
  /** With settings and a Node-style callback, which gets the result (the call returns nothing). */
  batchPut(items: readonly I[], settings: BatchWriteSettings, callback: Callback<BatchPutResult<ItemOf<T>>>): void;
  /** With a Node-style callback, which gets the result (the call returns nothing). */
  batchPut(items: readonly I[], callback: Callback<BatchPutResult<ItemOf<T>>>): void;
  /** Resolves the result. */
  batchPut(items: readonly I[], settings?: BatchWriteSettings): Promise<BatchPutResult<ItemOf<T>>>;
  /**
   * Deletes many items by key (BatchWriteItem). Resolves `unprocessedItems`: the keys still not deleted.
   * @example `await User.batchDelete(["u1", "u2"])`
   */
  batchDelete(
    keys: readonly K[],
    settings: BatchWriteSettings & { readonly return: "request" },
  ): Promise<Estimated<BatchWriteItemCommandInput>>;
  /** With `{ return: "requests" }`: resolves the requests that would be sent, one per chunk, and sends nothing. */
  batchDelete(
    keys: readonly K[],
    settings: BatchWriteSettings & { readonly return: "requests" },
  ): Promise<Estimated<BatchWriteItemCommandInput>[]>;
  /** With settings and a Node-style callback, which gets the result (the call returns nothing). */
  batchDelete(keys: readonly K[], settings: BatchWriteSettings, callback: Callback<BatchDeleteResult<K>>): void;
  /** With a Node-style callback, which gets the result (the call returns nothing). */
  batchDelete(keys: readonly K[], callback: Callback<BatchDeleteResult<K>>): void;
  /** Resolves the result. */
  batchDelete(keys: readonly K[], settings?: BatchWriteSettings): Promise<BatchDeleteResult<K>>;
  /**
   * Builders of transaction actions for `dynamodel.transaction`: `get`, `create`, `update`, `delete`, `condition`.
   * @example `await dynamodel.transaction([User.transaction.create({ id: "u2" }), User.transaction.delete("u1")])`
   */
  readonly transaction: ModelTransaction<ItemOf<T>, I, K, U>;

  /**
   * Registers a hook run before each call of `event`, after the hooks already registered: it may change the item or
   * the update object (before they are validated and serialized), or throw to abort the call (nothing is sent). An
   * async hook is awaited. `{ hooks: false }` in a call's settings (`hooks(false)` on a query or scan) skips it.
   * Not a Dynamoose v4 method (Dynamoose has no hooks): an addition, which a custom static named `pre` replaces.
   * @example `User.pre("save", (context) => { if ("item" in context) context.item.email = context.item.email.trim(); })`
   */
  pre<E extends HookEvent>(event: E, fn: (context: PreHookContext<T, K, U>[E]) => unknown): this;
  /**
   * Registers a hook run after each successful call of `event` (per item in a batch or a transaction), with the
   * call's context, its `result` and the SDK `response`; a throw rejects the call (what was written stays written).
   * @example `User.post("get", ({ key, result, response }) => log(key, result !== undefined, response.$metadata.requestId))`
   */
  post<E extends HookEvent>(event: E, fn: (context: PostHookContext<T, K, U>[E]) => unknown): this;

  /** The model's table (created on the default instance if the model is in none yet). */
  table(): Table;
  /** Custom methods. */
  readonly methods: ModelMethods;
  /** Named serializers. */
  readonly serializer: Pick<Serializers, "add" | "delete" | "default">;
  /**
   * Serializes many items with a named serializer or options.
   * @example `User.serializeMany(users, "public")`
   */
  serializeMany(items: readonly ItemOf<T>[], nameOrOptions?: unknown): Record<string, unknown>[];
}
