/**
 * The chain's first comparison and the condition without it: how a query whose hash key equality comes first,
 * followed by `or()`, is keyed (Dynamoose's reading: `query("id").eq(x).where("a").eq(1).or().where("a").eq(2)`
 * reads partition `x` and filters `a = 1 OR a = 2`). Pure: no I/O, no compiling.
 *
 * @module
 * @internal
 */
import { type ConditionNode, cond } from "../expression/index.js";

/**
 * The first comparison of a condition in document order: the leftmost leaf, reached through AND, OR and groups
 * (never through NOT, whose comparison is not a plain equality). `undefined` when that leaf is not a comparison.
 *
 * @example
 * ```ts
 * leadingComparison(cond.or(cond.and(cond.eq("id", "x"), cond.eq("a", 1)), cond.eq("a", 2))); // id = x
 * ```
 */
export function leadingComparison(node: ConditionNode): ConditionNode | undefined {
  let at: ConditionNode | undefined = node;
  while (at !== undefined) {
    if (at.kind === "and" || at.kind === "or") at = at.conditions[0];
    else if (at.kind === "group") at = at.condition;
    else return at.kind === "comparison" ? at : undefined;
  }
  return undefined;
}

/**
 * `node` without its {@link leadingComparison}: removed from its AND group, single-child groups collapsed.
 * `undefined` when nothing is left; `null` when removing it would empty an alternative of an OR (`x OR b` does
 * not mean `x AND b`), so the comparison cannot key the query.
 *
 * @example
 * ```ts
 * withoutLeading(cond.or(cond.and(cond.eq("id", "x"), cond.eq("a", 1)), cond.eq("a", 2))); // a = 1 OR a = 2
 * withoutLeading(cond.or(cond.eq("id", "x"), cond.eq("a", 2)));                             // null
 * ```
 */
export function withoutLeading(node: ConditionNode): ConditionNode | undefined | null {
  switch (node.kind) {
    case "and":
    case "or": {
      const [head, ...tail] = node.conditions;
      if (head === undefined) return null;
      const rest = withoutLeading(head);
      if (rest === null) return null;
      if (rest === undefined) return node.kind === "or" ? null : tail.length === 0 ? undefined : cond.and(...tail);
      return node.kind === "and" ? cond.and(rest, ...tail) : cond.or(rest, ...tail);
    }
    case "group": {
      const rest = withoutLeading(node.condition);
      if (rest === null || rest === undefined) return rest;
      return rest.kind === "and" || rest.kind === "or" ? cond.group(rest) : rest;
    }
    default:
      return undefined;
  }
}
