/**
 * The actions, settings and results of transactions.
 *
 * @module
 */
import type {
  ConditionCheck,
  ConsumedCapacity,
  Delete,
  Get,
  Put,
  TransactGetItem,
  TransactWriteItem,
  Update,
} from "@aws-sdk/client-dynamodb";
import type { RetryOptions } from "../aws/retry.js";
import type { CapacitySettings } from "../aws/capacity.js";
import type { SaveSettings } from "../item/item.js";
import type { DeleteSettings, GetSettings, UpdateSettings } from "../store/settings.js";

/** A `Get` action; `T` is the item type it reads (type only). */
export interface TransactGetAction<T = unknown> {
  /** DynamoDB's `Get`: the table, the key and the projection. */
  readonly Get: Get;
  /** Type-only phantom: the item type. @internal */
  readonly __item?: T;
}
/** A `Put` action (`Model.transaction.create`). */
export interface TransactPutAction {
  /** DynamoDB's `Put`: the table, the item and its condition. */
  readonly Put: Put;
}
/** An `Update` action. */
export interface TransactUpdateAction {
  /** DynamoDB's `Update`: the table, the key, the update expression and its condition. */
  readonly Update: Update;
}
/** A `Delete` action. */
export interface TransactDeleteAction {
  /** DynamoDB's `Delete`: the table, the key and its condition. */
  readonly Delete: Delete;
}
/** A `ConditionCheck` action. */
export interface TransactConditionAction {
  /** DynamoDB's `ConditionCheck`: the table, the key and the condition. */
  readonly ConditionCheck: ConditionCheck;
}
/** Any write action (ours, or a raw `TransactWriteItem` on a registered table). */
export type TransactWriteAction =
  | TransactPutAction
  | TransactUpdateAction
  | TransactDeleteAction
  | TransactConditionAction
  | TransactWriteItem;
/** Any action of `dynamodel.transaction`. */
export type TransactionAction = TransactGetAction | TransactWriteAction | TransactGetItem;

/** What a get transaction's result array carries with `returnConsumedCapacity`: the capacity per table (not enumerable). */
export interface TransactionCapacity {
  /** With `returnConsumedCapacity`: what each table consumed, summed over the retries (not enumerable). */
  readonly consumedCapacity?: readonly ConsumedCapacity[];
}

/** Settings of `dynamodel.transaction`. */
export interface TransactionSettings extends CapacitySettings {
  /** `"request"`: resolve `{TransactItems}` without sending. */
  readonly return?: "items" | "request";
  /** `"get"` (TransactGetItems) or `"write"` (TransactWriteItems); default: get when every action is a Get. */
  readonly type?: "get" | "write";
  /** Retry options for throttling and dropped connections (the same `ClientRequestToken` is re-sent), over `dynamodel.retry`. */
  readonly retry?: Partial<RetryOptions>;
  /** The idempotency token of a write transaction (default: a new UUID per call, reused on dynamodel's retries). */
  readonly clientRequestToken?: string;
}

/** The settings `Model.transaction.get` takes (`ConsistentRead` does not exist in transactions). */
export type TransactionGetSettings = Omit<GetSettings, "return" | "consistent">;
/** The settings `Model.transaction.create` takes. */
export type TransactionCreateSettings = Omit<SaveSettings, "return">;
/** The settings `Model.transaction.update` takes. */
export type TransactionUpdateSettings = Omit<UpdateSettings, "return" | "returnValues">;
/** The settings `Model.transaction.delete` takes. */
export type TransactionDeleteSettings = Omit<DeleteSettings, "return">;

/**
 * `Model.transaction`: builders of transaction actions for one model (promises, as Dynamoose; no callbacks).
 *
 * @example
 * ```ts
 * await dynamodel.transaction([
 *   User.transaction.update({ id: "u1" }, { $ADD: { balance: -10 } }, { condition: new dynamodel.Condition("balance").ge(10) }),
 *   Order.transaction.create({ id: "o1", user: "u1", amount: 10 }),
 * ]);
 * ```
 */
export interface ModelTransaction<T, I, K, U> {
  /** A Get of one item. @example `User.transaction.get("u1")` */
  get(key: K, settings?: TransactionGetSettings): Promise<TransactGetAction<T>>;
  /** A Put that fails when the key exists (unless `overwrite: true`), after the save pipeline. @example `User.transaction.create({ id: "u2" })` */
  create(object: I, settings?: TransactionCreateSettings): Promise<TransactPutAction>;
  /** An Update (same update objects as `Model.update`). @example `User.transaction.update({ id: "u1" }, { $ADD: { n: 1 } })` */
  update(key: K, update: U, settings?: TransactionUpdateSettings): Promise<TransactUpdateAction>;
  /** An Update with the key attributes inside the update object (Dynamoose's one-argument form). */
  update(keyAndUpdate: U): Promise<TransactUpdateAction>;
  /** A Delete. @example `User.transaction.delete("u1")` */
  delete(key: K, settings?: TransactionDeleteSettings): Promise<TransactDeleteAction>;
  /** A ConditionCheck: the transaction fails unless the item meets `condition`. @example `User.transaction.condition("u1", new dynamodel.Condition("active").eq(true))` */
  condition(key: K, condition: unknown): Promise<TransactConditionAction>;
}

/** What a get transaction resolves for one action: the item, or `undefined` when it does not exist. */
export type GetResultOf<A> = A extends TransactGetAction<infer T> ? (unknown extends T ? unknown : T | undefined) : unknown;

/** The request of a transaction (`{return: "request"}`). */
export interface TransactionRequest {
  /** The actions, in the order given. */
  readonly TransactItems: TransactionAction[];
  /** The idempotency token of a write transaction (re-sent on retries). */
  readonly ClientRequestToken?: string;
}
