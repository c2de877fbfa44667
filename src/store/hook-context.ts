/**
 * What a hook gets: one context object per call (per item in a batch or a transaction), typed by the model's item
 * (`M`), key (`K`), update (`U`), query (`Q`) and scan (`S`) types. A pre hook may change `item` (in place) or
 * `update` (in place, or by assigning a new object); a post hook sees the same context plus `result` and `response`.
 *
 * @module
 */
import type {
  BatchWriteItemCommandOutput,
  DeleteItemCommandOutput,
  GetItemCommandOutput,
  PutItemCommandOutput,
  QueryCommandOutput,
  ScanCommandOutput,
  TransactWriteItemsCommandOutput,
  UpdateItemCommandOutput,
} from "@aws-sdk/client-dynamodb";

/**
 * The context of a `"save"` hook for an item written whole: `create`, `item.save()`, each item of `batchPut`, and
 * `Model.transaction.create`. Changes a pre hook makes to `item` are validated and written.
 *
 * @example
 * ```ts
 * User.pre("save", (context) => { if ("item" in context) context.item.email = context.item.email.toLowerCase(); });
 * ```
 */
export interface SaveItemContext<M> {
  /** The event: `"save"`. */
  readonly event: "save";
  /** The call: `"create"`, `"save"` (`item.save()`), `"batchPut"` or `"transaction.create"`. */
  readonly operation: "create" | "save" | "batchPut" | "transaction.create";
  /** The model's name. */
  readonly model: string;
  /** The item about to be written (a pre hook may change its attributes). */
  readonly item: M;
}

/**
 * The context of a `"save"` hook for an update: `Model.update` and `Model.transaction.update`. A pre hook may change
 * `update` in place or assign another update object; what it holds after the last pre hook is what is applied.
 *
 * @example
 * ```ts
 * User.pre("save", (context) => { if (context.operation === "update") context.update = { ...context.update, seen: true }; });
 * ```
 */
export interface SaveUpdateContext<K, U> {
  /** The event: `"save"`. */
  readonly event: "save";
  /** The call: `"update"` or `"transaction.update"`. */
  readonly operation: "update" | "transaction.update";
  /** The model's name. */
  readonly model: string;
  /** The key of the item updated. */
  readonly key: K;
  /** The update object (a pre hook may change it or assign another). */
  update: U;
}

/**
 * The context of a `"delete"` hook: `Model.delete` (and `item.delete()`), each key of `batchDelete`, and
 * `Model.transaction.delete`.
 *
 * @example
 * ```ts
 * User.pre("delete", ({ key }) => audit.push(key));
 * ```
 */
export interface DeleteContext<K> {
  /** The event: `"delete"`. */
  readonly event: "delete";
  /** The call: `"delete"`, `"batchDelete"` or `"transaction.delete"`. */
  readonly operation: "delete" | "batchDelete" | "transaction.delete";
  /** The model's name. */
  readonly model: string;
  /** The key of the item deleted (the item itself for `item.delete()`). */
  readonly key: K;
}

/**
 * The context of a `"get"` hook (`Model.get`).
 *
 * @example
 * ```ts
 * User.post("get", ({ key, result }) => console.log(key, result === undefined ? "missing" : "found"));
 * ```
 */
export interface GetContext<K> {
  /** The event: `"get"`. */
  readonly event: "get";
  /** The call: `"get"`. */
  readonly operation: "get";
  /** The model's name. */
  readonly model: string;
  /** The key read. */
  readonly key: K;
}

/**
 * The context of a `"query"` or `"scan"` hook (`exec()`): the builder itself, so a pre hook may add conditions or
 * settings before the request is built.
 *
 * @example
 * ```ts
 * User.pre("scan", ({ query }) => { query.where("deleted").not().exists(); });
 * ```
 */
export interface RetrieveContext<E extends "query" | "scan", Q> {
  /** The event: `"query"` or `"scan"`. */
  readonly event: E;
  /** The call: the same as the event. */
  readonly operation: E;
  /** The model's name. */
  readonly model: string;
  /** The Query or Scan being run. */
  readonly query: Q;
}

/**
 * What a post hook sees besides the call's context: what the call resolves (per item in a batch or a transaction)
 * and the SDK output of the request that did it (its `$metadata`, `ConsumedCapacity`…; the last page's for a query
 * or scan).
 */
export interface PostFields<R, O> {
  /** What the call resolves: the item written or read (`undefined` for a delete or a missing item). */
  readonly result: R;
  /** The SDK output of the request (for a batch: of the chunk that wrote the item; for a query: of its last page). */
  readonly response: O;
}

/**
 * The context of each pre hook by event, for a model whose items are `M`, keys `K`, updates `U`, queries `Q` and
 * scans `S`.
 *
 * @example
 * ```ts
 * type C = PreHookContexts<User, string, Partial<User>, Query<User>, Scan<User>>["delete"]; // DeleteContext<string>
 * ```
 */
export interface PreHookContexts<M, K, U, Q, S> {
  /** Create, save, update, batchPut, transaction create and update. */
  readonly save: SaveItemContext<M> | SaveUpdateContext<K, U>;
  /** Delete, batchDelete, transaction delete. */
  readonly delete: DeleteContext<K>;
  /** Get. */
  readonly get: GetContext<K>;
  /** Query `exec()`. */
  readonly query: RetrieveContext<"query", Q>;
  /** Scan `exec()`. */
  readonly scan: RetrieveContext<"scan", S>;
}

/**
 * The context of each post hook by event: the pre context plus `result` (typed by the model: the item, the query
 * result `QR`, the scan result `SR`) and `response` (the SDK output).
 *
 * @example
 * ```ts
 * type C = PostHookContexts<User, string, Partial<User>, Query<User>, Scan<User>, QueryResponse<User>, ScanResponse<User>>["get"];
 * ```
 */
export interface PostHookContexts<M, K, U, Q, S, QR, SR> {
  /** Create, save, update, batchPut, transaction create and update. */
  readonly save:
    | (SaveItemContext<M> & PostFields<M, PutItemCommandOutput | BatchWriteItemCommandOutput | TransactWriteItemsCommandOutput>)
    | (SaveUpdateContext<K, U> & PostFields<M | undefined, UpdateItemCommandOutput | TransactWriteItemsCommandOutput>);
  /** Delete, batchDelete, transaction delete. */
  readonly delete: DeleteContext<K> &
    PostFields<undefined, DeleteItemCommandOutput | BatchWriteItemCommandOutput | TransactWriteItemsCommandOutput>;
  /** Get. */
  readonly get: GetContext<K> & PostFields<M | undefined, GetItemCommandOutput>;
  /** Query `exec()`. */
  readonly query: RetrieveContext<"query", Q> & PostFields<QR, QueryCommandOutput | undefined>;
  /** Scan `exec()`. */
  readonly scan: RetrieveContext<"scan", S> & PostFields<SR, ScanCommandOutput | undefined>;
}
