/**
 * Query and Scan: builders with Dynamoose's chainable conditions, index auto-selection, pagination
 * (`exec`, `all`, `pages()`, `for await`), parallel scans and `explain()`.
 *
 * @example
 * ```ts
 * const page = await User.query("team").eq("red").where("age").gt(18).limit(50).exec();
 * console.log(page.count, page.lastKey, User.query("team").eq("red").explain().reason);
 * ```
 * @module
 */
export { type ConditionLike, ConditionChain } from "./condition-chain.js";
export type { Candidate, KeySpec } from "./index-selection.js";
export { Query, type SortOrder } from "./query.js";
export type { Operation } from "./operation.js";
export type { Explanation } from "./request.js";
export type { PlainKey, QueryCount, QueryResponse, ResponseMethods, ScanCount, ScanResponse, SegmentKeys } from "./response.js";
export { ItemRetriever, type RequestOf } from "./retriever.js";
export { Scan } from "./scan.js";
export type { PageOf, PathOf, ResultOf, RetrieverFamily, RetrieverKind, RetrieverOf, ValueAt } from "./types.js";
