/**
 * The projection compiler: attribute paths to a `ProjectionExpression`.
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";
import { compilePath } from "./compile-operand.js";
import { checkExpressionLength } from "./limits.js";
import { type Path, toPath } from "./path.js";
import type { ExpressionRegistry } from "./registry.js";

/** Up to this many distinct attributes, duplicates are found by a linear search (no Set). */
const SHORT_PROJECTION = 16;

/**
 * Compiles attribute paths (text or segments) to a `ProjectionExpression`, in the given order, dropping
 * duplicates. Throws `InvalidParameter` for an empty list and `LimitExceeded` past 4 KB or 32 path levels.
 *
 * @example
 * ```ts
 * compileProjection(["id", "address.city"], registry); // "#n0, #n1.#n2"
 * ```
 */
export function compileProjection(paths: readonly (string | Path)[], registry: ExpressionRegistry): string {
  if (paths.length === 0) {
    throw new InvalidParameter("A projection needs at least one attribute.", { code: "empty_projection", received: "[]" });
  }
  const parts: string[] = [];
  // A set only for long projections; a short list is searched directly.
  let seen: Set<string> | undefined;
  let expression = "";
  for (const entry of paths) {
    // The registry gives a name one placeholder, so equal paths compile to equal text.
    const part = compilePath(toPath(entry), registry);
    if (seen === undefined && parts.length >= SHORT_PROJECTION) seen = new Set(parts);
    if (seen ? seen.has(part) : parts.includes(part)) continue;
    seen?.add(part);
    parts.push(part);
    expression += expression === "" ? part : `, ${part}`;
  }
  checkExpressionLength("projection expression", expression);
  return expression;
}
