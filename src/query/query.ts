/**
 * `Model.query(...)`: reads the items of one partition of the table or of an index.
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";
import type { StorePort } from "../store/port.js";
import { ItemRetriever } from "./retriever.js";
import type { RetrieverFamily } from "./types.js";

/**
 * Sort order of a query's range key: `"ascending"` (the default) or `"descending"`.
 *
 * @example
 * ```ts
 * const order: SortOrder = "descending"; // ScanIndexForward: false
 * ```
 */
export type SortOrder = "ascending" | "descending";

/**
 * The Query type family: what the shared chain methods return on a Query (see `RetrieverFamily`).
 * @internal
 */
export interface QueryFamily extends RetrieverFamily {
  readonly kind: "query";
  readonly builder: Query<this["T"], this["V"], this["C"]>;
}

/**
 * A query. The key is chosen from the conditions: the table key or an index whose hash key has a top-level
 * `eq` (preferring one whose range key is compared too), unless `using(index)` names one. The hash key
 * equality and one range key comparison become the `KeyConditionExpression`; every other condition, `or()`
 * groups included, becomes the `FilterExpression`. `explain()` shows the choice.
 *
 * @example
 * ```ts
 * const posts = await Post.query("authorId").eq("u1").where("createdAt").gt(since).sort("descending").limit(20).exec();
 * // KeyConditionExpression "#n0 = :v0 AND #n1 > :v1", ScanIndexForward false, Limit 20
 * ```
 */
export class Query<T = Record<string, unknown>, V = unknown, C extends boolean = false> extends ItemRetriever<QueryFamily, T, V, C> {
  /**
   * @example
   * ```ts
   * new Query(core, { id: "u1", age: { gt: 3 } }); // what Model.query({...}) does
   * ```
   */
  constructor(core: StorePort, init?: unknown) {
    super("query", core, init);
  }

  /** Orders by the range key: `"descending"` sends `ScanIndexForward: false`. @example `Post.query("pk").eq("u1").sort("descending")` */
  sort(order: SortOrder): this {
    if (order !== "ascending" && order !== "descending") {
      throw new InvalidParameter(`sort() takes "ascending" or "descending", not ${JSON.stringify(order)}.`, {
        code: "invalid_setting",
        path: "sort",
        expected: '"ascending" | "descending"',
        received: String(order),
      });
    }
    return this.set({ sort: order });
  }
}
