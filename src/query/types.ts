/**
 * Type-level helpers shared by Query and Scan: the builder a chain call returns, and what `exec()` resolves.
 *
 * @module
 */
import type { AttributePath, PathValue } from "../expression/index.js";
import type { Item } from "../item/item.js";
import type { QueryCount, QueryResponse, ScanCount, ScanResponse } from "./response.js";

/** Which builder: `"query"` or `"scan"`. @example `const kind: RetrieverKind = "scan";` */
export type RetrieverKind = "query" | "scan";

/**
 * A builder type family: the builder (`Query` or `Scan`) for whatever `T`, `V` and `C` are set on it. The shared
 * chain methods of `ConditionChain` and `ItemRetriever` return `RetrieverOf<F, ...>`, so this folder's base classes
 * name their subclasses without importing them (`query.ts` and `scan.ts` each declare their family).
 *
 * @example
 * ```ts
 * interface QueryFamily extends RetrieverFamily { readonly kind: "query"; readonly builder: Query<this["T"], this["V"], this["C"]> }
 * ```
 */
export interface RetrieverFamily {
  readonly kind: RetrieverKind;
  readonly T: unknown;
  readonly V: unknown;
  readonly C: boolean;
  readonly builder: unknown;
}

/**
 * The builder of a family with item type `T`, the value type `V` of its pending comparison and the count flag `C`.
 *
 * @example
 * ```ts
 * type Q = RetrieverOf<QueryFamily, User, number, false>; // Query<User, number, false>
 * ```
 */
export type RetrieverOf<F extends RetrieverFamily, T, V, C extends boolean> = (F & {
  readonly T: T;
  readonly V: V;
  readonly C: C;
})["builder"];

/**
 * The attribute paths of an item type usable in conditions (the Item methods left out).
 *
 * @example
 * ```ts
 * type P = PathOf<{ id: string; age: number } & Item>; // "id" | "age"
 * ```
 */
export type PathOf<T> = Exclude<AttributePath<T>, keyof Item>;

/**
 * The value type compared at a path.
 *
 * @example
 * ```ts
 * type V = ValueAt<{ age: number }, "age">; // number
 * ```
 */
export type ValueAt<T, P extends string> = PathValue<T, P>;

/**
 * One page of results of a kind.
 *
 * @example
 * ```ts
 * type P = PageOf<"scan", User>; // ScanResponse<User>
 * ```
 */
export type PageOf<K extends RetrieverKind, T> = K extends "query" ? QueryResponse<T> : ScanResponse<T>;

/**
 * What `exec()` resolves: the result array, or only the counts after `count()`.
 *
 * @example
 * ```ts
 * type R = ResultOf<"query", User, true>; // QueryCount
 * ```
 */
export type ResultOf<K extends RetrieverKind, T, C extends boolean> = C extends true
  ? K extends "query"
    ? QueryCount
    : ScanCount
  : PageOf<K, T>;
