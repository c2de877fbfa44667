/**
 * The static type of what `dynamodel.model()` returns: a class of items with the model's methods on it,
 * typed by the item (`T`), the input (`I`), the key (`K`) and the update (`U`) types inferred from the schema.
 *
 * @module
 */
import type { DeleteItemCommandInput, GetItemCommandInput, PutItemCommandInput, UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import type { Callback } from "../callback.js";
import type { Item, SaveSettings } from "../item/item.js";
import type { Query, Scan } from "../query/index.js";
import type { Schema } from "../schema/schema.js";
import type { Table } from "../table/table.js";
import type { MethodRegistry } from "./methods.js";
import type { DeleteSettings, GetSettings, UpdateSettings } from "./model-core.js";
import type { Serializers } from "./serializers.js";

/** An item of a model: its attributes and the Item methods. */
export type ItemOf<T> = T & Item;

/** `Model.methods`: custom static methods, and `item` for custom item methods. */
export interface ModelMethods extends Pick<MethodRegistry, "set" | "delete"> {
  readonly item: Pick<MethodRegistry, "set" | "delete">;
}

/** A model: `new Model(obj)` makes an item; the statics read and write the table. */
export interface ModelType<T = Record<string, unknown>, I = Partial<T>, K = unknown, U = Partial<T>> {
  /** Makes a new (unsaved) item; `obj` is deep-copied. */
  new (object?: I): ItemOf<T>;
  /** The model name. */
  readonly name: string;
  /** Brand: this is a model. @internal */
  readonly __dynamodelModel: true;
  /** The schemas of the model. */
  readonly schemas: readonly Schema[];

  /**
   * Reads one item by key (GetItem); resolves `undefined` when it does not exist.
   * @example `const user = await User.get("u1", { attributes: ["id", "email"] })`
   */
  get(key: K, settings: GetSettings & { readonly return: "request" }): Promise<GetItemCommandInput>;
  get(key: K, settings?: GetSettings): Promise<ItemOf<T> | undefined>;
  get(key: K, callback: Callback<ItemOf<T> | undefined>): void;
  get(key: K, settings: GetSettings, callback: Callback<ItemOf<T> | undefined>): void;

  /**
   * Creates an item; fails with `ConditionalCheckFailedException` when one with the same key exists.
   * @example `await User.create({ id: "u1", email: "a@b.c" })`
   */
  create(object: I, settings: SaveSettings & { readonly return: "request" }): Promise<PutItemCommandInput>;
  create(object: I, settings?: SaveSettings): Promise<ItemOf<T>>;
  create(object: I, callback: Callback<ItemOf<T>>): void;
  create(object: I, settings: SaveSettings, callback: Callback<ItemOf<T>>): void;

  /**
   * Updates an item (UpdateItem): plain attributes and `$SET`, `$ADD`, `$REMOVE`, `$DELETE`; dotted paths update
   * nested attributes only. Resolves the updated item.
   * @example `await User.update({ id: "u1" }, { $ADD: { age: 1 }, "address.city": "Paris" })`
   */
  update(key: K, update: U, settings: UpdateSettings & { readonly return: "request" }): Promise<UpdateItemCommandInput>;
  update(key: K, update: U, settings?: UpdateSettings): Promise<ItemOf<T>>;
  update(key: K, update: U, callback: Callback<ItemOf<T>>): void;
  update(key: K, update: U, settings: UpdateSettings, callback: Callback<ItemOf<T>>): void;
  update(keyAndUpdate: U): Promise<ItemOf<T>>;
  update(keyAndUpdate: U, callback: Callback<ItemOf<T>>): void;

  /**
   * Deletes an item by key.
   * @example `await User.delete("u1", { condition: new dynamodel.Condition("age").lt(18) })`
   */
  delete(key: K, settings: DeleteSettings & { readonly return: "request" }): Promise<DeleteItemCommandInput>;
  delete(key: K, settings?: DeleteSettings): Promise<void>;
  delete(key: K, callback: Callback<void>): void;
  delete(key: K, settings: DeleteSettings, callback: Callback<void>): void;

  /**
   * Starts a query (Query/Scan issue: conditions, index selection, pagination).
   * @example `await User.query("email").eq("a@b.c").exec()`
   */
  query(init?: unknown): Query<ItemOf<T>>;
  /**
   * Starts a scan.
   * @example `await User.scan("age").gt(18).exec()`
   */
  scan(init?: unknown): Scan<ItemOf<T>>;
  /** Reads many items by key (BatchGetItem). */
  batchGet(keys: readonly K[], settings?: object): Promise<unknown>;
  /** Writes many items (BatchWriteItem puts). */
  batchPut(items: readonly I[], settings?: object): Promise<unknown>;
  /** Deletes many items by key (BatchWriteItem deletes). */
  batchDelete(keys: readonly K[], settings?: object): Promise<unknown>;
  /** Builders of transaction actions: `get`, `create`, `update`, `delete`, `condition`. */
  readonly transaction: Record<string, (...args: never[]) => Promise<unknown>>;

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
