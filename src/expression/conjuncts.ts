/**
 * Splitting a condition into its top-level AND conjuncts and joining them back: what a query needs to move
 * key conditions out of a filter without changing what the filter means.
 *
 * @module
 */
import { assertNever } from "./assert-never.js";
import { cond } from "./condition-factory.js";
import type { ConditionNode } from "./condition-node.js";
import type { Operand } from "./operand.js";

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

function operandAttribute(operand: Operand, into: Set<string>): void {
  if (operand.kind === "path" || operand.kind === "size") {
    const [first] = operand.path;
    if (first?.kind === "name") into.add(first.name);
  }
}

function collect(node: ConditionNode, into: Set<string>): void {
  switch (node.kind) {
    case "comparison":
      operandAttribute(node.left, into);
      operandAttribute(node.right, into);
      return;
    case "between":
      for (const o of [node.subject, node.low, node.high]) operandAttribute(o, into);
      return;
    case "in":
      for (const o of [node.subject, ...node.values]) operandAttribute(o, into);
      return;
    case "begins_with":
    case "contains":
    case "attribute_exists":
    case "attribute_not_exists":
    case "attribute_type": {
      const [first] = node.path;
      if (first?.kind === "name") into.add(first.name);
      return;
    }
    case "and":
    case "or":
      for (const child of node.conditions) collect(child, into);
      return;
    case "not":
    case "group":
      collect(node.condition, into);
      return;
    case "raw":
      for (const name of Object.values(node.names)) into.add(name);
      return;
    default:
      assertNever(node, "condition node");
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
  const into = new Set<string>();
  if (node !== undefined) collect(node, into);
  return into;
}
