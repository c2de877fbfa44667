/**
 * Transactions: `Model.transaction.*` builds actions, `dynamodel.transaction([...])` runs them.
 *
 * @module
 */
import { type Callback, attempt, settle, splitCallback } from "../callback.js";
import { runTransaction } from "./run.js";
import type { Estimated } from "../aws/capacity.js";
import type {
  TransactionCapacity,
  GetResultOf,
  TransactGetAction,
  TransactionAction,
  TransactionRequest,
  TransactionSettings,
  TransactWriteAction,
} from "./types.js";

export { modelTransaction } from "./actions.js";
export { TRANSACTION_LIMITS } from "./run.js";
export type * from "./types.js";

type Awaitable<T> = T | Promise<T>;

/**
 * Runs actions as one transaction: all Gets → TransactGetItems (resolves the items, `undefined` where missing), else
 * TransactWriteItems (resolves `null`). A cancellation throws `TransactionCanceled` (name
 * `"TransactionCanceledException"`) with the reason of each action.
 *
 * @example
 * ```ts
 * await dynamodel.transaction([User.transaction.create({ id: "u1" }), Order.transaction.delete("o1")]);
 * const [user, order] = await dynamodel.transaction([User.transaction.get("u1"), Order.transaction.get("o1")]);
 * ```
 */
export function transaction(
  actions: readonly Awaitable<TransactionAction>[],
  settings: TransactionSettings & { readonly return: "request" },
): Promise<Estimated<TransactionRequest>>;
export function transaction<const A extends readonly Awaitable<TransactGetAction<unknown>>[]>(
  actions: A,
  settings?: TransactionSettings & { readonly type?: "get"; readonly return?: "items" },
): Promise<{ -readonly [P in keyof A]: GetResultOf<Awaited<A[P]>> } & TransactionCapacity>;
export function transaction(actions: readonly Awaitable<TransactWriteAction>[], settings?: TransactionSettings): Promise<null>;
export function transaction(actions: readonly Awaitable<TransactionAction>[], settings?: TransactionSettings): Promise<unknown[] | null>;
export function transaction(actions: readonly Awaitable<TransactionAction>[], callback: Callback<unknown[] | null>): void;
export function transaction(
  actions: readonly Awaitable<TransactionAction>[],
  settings: TransactionSettings,
  callback: Callback<unknown[] | null>,
): void;
export function transaction(...args: unknown[]): Promise<unknown> | undefined {
  const [rest, callback] = splitCallback<unknown[], unknown>(args);
  return settle(
    attempt(() => runTransaction(rest[0], rest[1] as TransactionSettings | undefined)),
    callback,
  );
}
