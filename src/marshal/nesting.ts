/**
 * DynamoDB's nesting limit for maps and lists, checked before a conversion goes deeper.
 *
 * @module
 * @internal
 */
import { LimitExceeded } from "../errors.js";

/** DynamoDB's deepest nesting: the item is level 1, a map or list in a top-level attribute level 2, and so on. */
export const MAX_NESTING_LEVELS = 32;

/** Refuses a map or list at nesting `level` (see {@link MAX_NESTING_LEVELS}) past DynamoDB's limit. */
export function checkNesting(level: number, path: string): void {
  if (level <= MAX_NESTING_LEVELS) return;
  throw new LimitExceeded(`The value of ${path} is nested deeper than DynamoDB's limit of ${MAX_NESTING_LEVELS} levels.`, {
    code: "nesting_too_deep",
    path,
    expected: `at most ${MAX_NESTING_LEVELS} levels`,
    received: `more than ${MAX_NESTING_LEVELS} levels`,
  });
}
