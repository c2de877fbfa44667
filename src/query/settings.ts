/**
 * The settings a Query or Scan collects besides its condition, and their validation.
 *
 * @module
 * @internal
 */
import { InvalidParameter, describeType } from "../errors.js";
import type { PlainKey, SegmentKeys } from "./response.js";
import type { ReturnConsumedCapacity } from "../aws/capacity.js";
import type { OnProgress } from "../store/progress.js";

/** `all(delay, max)`: follow `LastEvaluatedKey`, waiting `delay` ms between requests, at most `max` requests (0 = no cap). */
export interface AllSettings {
  readonly delay: number;
  readonly max: number;
}

/**
 * Everything but the condition. Query-only: `sort`; scan-only: `segments`.
 *
 * @example
 * ```ts
 * const s: RetrieverSettings = { ...emptySettings, limit: 10, consistent: true };
 * ```
 */
export interface RetrieverSettings {
  readonly limit: number | undefined;
  /** One key, or (a parallel scan only) one per segment. */
  readonly startAt: Readonly<PlainKey> | SegmentKeys | undefined;
  readonly attributes: readonly string[] | undefined;
  readonly count: boolean;
  readonly consistent: boolean;
  readonly index: string | undefined;
  readonly sort: "ascending" | "descending" | undefined;
  readonly segments: number | undefined;
  readonly all: AllSettings | undefined;
  /** `returnConsumedCapacity(mode)`: asked of every request (else the table's option). */
  readonly capacity: ReturnConsumedCapacity | undefined;
  /** `onProgress(callback)`: called after every request. */
  readonly onProgress: OnProgress | undefined;
  /** `false` (`hooks(false)`): `exec()` runs none of the model's hooks. Absent from a new builder (the same shape as before hooks). */
  readonly hooks?: boolean;
}

/**
 * The settings of a new builder. Not frozen (its type is readonly): every builder setting spreads it, and V8
 * copies a frozen object several times slower (≈1 µs a query, measured).
 */
export const emptySettings: RetrieverSettings = {
  limit: undefined,
  startAt: undefined,
  attributes: undefined,
  count: false,
  consistent: false,
  index: undefined,
  sort: undefined,
  segments: undefined,
  all: undefined,
  capacity: undefined,
  onProgress: undefined,
};

/**
 * Checks that `value` is an integer from `min` up, for `limit`, `parallel` and `all`.
 *
 * @example
 * ```ts
 * checkCount("limit", 10, 1); // 10
 * checkCount("limit", 0, 1);  // throws InvalidParameter
 * ```
 */
export function checkCount(what: string, value: unknown, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new InvalidParameter(
      `${what} must be an integer of at least ${min}, not ${typeof value === "number" ? value : describeType(value)}.`,
      {
        code: "invalid_setting",
        path: what,
        expected: `integer >= ${min}`,
        received: typeof value === "number" ? String(value) : describeType(value),
      },
    );
  }
  return value;
}
