/**
 * `Model.scan(...)`: reads every item of the table or of an index, filtering after the read.
 *
 * @module
 */
import type { StorePort } from "../store/port.js";
import type { PlainKey, SegmentKeys } from "./response.js";
import { ItemRetriever } from "./retriever.js";
import type { RetrieverFamily } from "./types.js";
import { checkCount } from "./settings.js";

/**
 * The Scan type family: what the shared chain methods return on a Scan (see `RetrieverFamily`).
 * @internal
 */
export interface ScanFamily extends RetrieverFamily {
  readonly kind: "scan";
  readonly builder: Scan<this["T"], this["V"], this["C"]>;
}

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
export class Scan<T = Record<string, unknown>, V = unknown, C extends boolean = false> extends ItemRetriever<ScanFamily, T, V, C> {
  /**
   * @example
   * ```ts
   * new Scan(core, "age"); // what Model.scan("age") does
   * ```
   */
  constructor(core: StorePort, init?: unknown) {
    super("scan", core, init);
  }

  /**
   * Reads in `n` segments concurrently (`TotalSegments: n`, one request per segment with `Segment: i`); results
   * are merged, counts summed, and `lastKey` becomes one entry per segment (`undefined` for a finished one), which
   * `startAt()` takes back to resume every segment where it stopped.
   * @example `await User.scan().parallel(4).exec()`
   */
  parallel(n: number): this {
    return this.set({ segments: checkCount("parallel", n, 1) });
  }

  /**
   * Starts after `key` (a result's `lastKey`, or a DynamoDB key map); `undefined` starts at the beginning. After
   * `parallel(n)`, takes the result's (or a page's) `lastKey` array: each segment resumes from its own key, a segment
   * whose entry is `null` is read from its beginning, and one whose entry is `undefined` is finished and not read
   * again. The array must have `n` entries; every request is then
   * refused before sending (`InvalidParameter`, code `invalid_start_key`) if it has not, or without `parallel(n)`.
   * @example
   * ```ts
   * let page = await User.scan().parallel(4).limit(100).exec();
   * while (page.lastKey) page = await User.scan().parallel(4).limit(100).startAt(page.lastKey).exec();
   * ```
   */
  override startAt(key: Readonly<PlainKey> | SegmentKeys | undefined): this {
    return this.set({ startAt: key });
  }
}
