/**
 * Splitting a condition into its top-level AND conjuncts and joining them back: what a query needs to move
 * key conditions out of a filter without changing what the filter means.
 *
 * @module
 */
import { cond } from "./condition-factory.js";
import type { ConditionNode, RawNode } from "./condition-node.js";
import { ConditionTransformer } from "./condition-transformer.js";
import type { Path } from "./path.js";

/**
 * The conditions that must all hold for `node` to hold: AND nodes, and groups around an AND or around a single
 * comparison, are flattened; anything else (an OR, a NOT, a group around an OR, a raw expression) is one
 * conjunct, kept whole. `undefined` gives `[]`. Joining the result with {@link conjoin} means the same as `node`.
 *
 * @example
 * ```ts
 * conjuncts(cond.and(cond.eq("id", "a"), cond.group(cond.and(cond.gt("age", 3), cond.or(x, y)))));
 * // [id = a, age > 3, (x OR y)]
 * ```
 */
export function conjuncts(node: ConditionNode | undefined): ConditionNode[] {
  const out: ConditionNode[] = [];
  if (node !== undefined) collectConjuncts(node, out);
  return out;
}

function collectConjuncts(node: ConditionNode, out: ConditionNode[]): void {
  if (node.kind === "and") {
    for (const child of node.conditions) collectConjuncts(child, out);
  } else if (node.kind === "group" && node.condition.kind !== "or" && node.condition.kind !== "raw") {
    collectConjuncts(node.condition, out);
  } else out.push(node);
}

/**
 * Joins conditions with AND: `undefined` for none, the node itself for one.
 *
 * @example
 * ```ts
 * conjoin([]);                                   // undefined
 * conjoin([cond.eq("a", 1), cond.gt("b", 2)]);   // #n0 = :v0 AND #n1 > :v1
 * ```
 */
export function conjoin(nodes: readonly ConditionNode[]): ConditionNode | undefined {
  if (nodes.length === 0) return undefined;
  return cond.and(...nodes);
}

/** Collects the top-level attribute names a condition mentions (first path segments; a raw expression's names). */
class MentionedAttributes extends ConditionTransformer {
  readonly names = new Set<string>();

  protected override transformPath(path: Path): Path {
    const [first] = path;
    if (first?.kind === "name") this.names.add(first.name);
    return path;
  }

  protected override transformRaw(node: RawNode): ConditionNode {
    for (const name of Object.values(node.names)) this.names.add(name);
    return node;
  }
}

/**
 * The top-level attribute names a condition mentions anywhere (first path segments; the names map of a raw
 * expression, whose segments are not split).
 *
 * @example
 * ```ts
 * mentionedAttributes(cond.or(cond.eq("id", "a"), cond.gt("address.zip", 3))); // Set {"id", "address"}
 * ```
 */
export function mentionedAttributes(node: ConditionNode | undefined): Set<string> {
  const collector = new MentionedAttributes();
  if (node !== undefined) collector.transformCondition(node);
  return collector.names;
}
