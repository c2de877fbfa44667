/**
 * `Model.scan(...)`: reads every item of the table or of an index, filtering after the read.
 *
 * @module
 */
import type { ModelCore } from "../model/model-core.js";
import { ItemRetriever } from "./retriever.js";
import { checkCount } from "./settings.js";

/**
 * A scan. Every condition becomes the `FilterExpression` (applied after items are read: a filter does not
 * make a scan cheaper); `parallel(n)` splits it into `n` segments read concurrently.
 *
 * @example
 * ```ts
 * const adults = await User.scan("age").ge(18).parallel(4).all().exec();
 * // FilterExpression "#n0 >= :v0", TotalSegments 4
 * ```
 */
export class Scan<T = Record<string, unknown>, V = unknown, C extends boolean = false> extends ItemRetriever<"scan", T, V, C> {
  /**
   * @example
   * ```ts
   * new Scan(core, "age"); // what Model.scan("age") does
   * ```
   */
  constructor(core: ModelCore, init?: unknown) {
    super("scan", core, init);
  }

  /**
   * Reads in `n` segments concurrently (`TotalSegments: n`, one request per segment with `Segment: i`); results
   * are merged, counts summed, and `lastKey` becomes one entry per segment.
   * @example `await User.scan().parallel(4).exec()`
   */
  parallel(n: number): this {
    return this.set({ segments: checkCount("parallel", n, 1) });
  }
}
