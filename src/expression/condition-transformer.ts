/**
 * The one walk over the condition node kinds, as Kysely's `OperationNodeTransformer`: every kind is visited once
 * here, children in document order, and a node comes back unchanged (the same object, nothing allocated) unless a
 * hook returned something new below it. A pass (aliases, the attributes a condition mentions) overrides the hook it
 * cares about; the compiler stays the one exhaustive switch that emits text, and the template cache's shape a direct
 * walk of its own (it runs on every cached query).
 *
 * @module
 * @internal
 */
import { assertNever } from "./assert-never.js";
import { cond } from "./condition-factory.js";
import type { ConditionNode, RawNode } from "./condition-node.js";
import { type Operand, operand } from "./operand.js";
import type { Path } from "./path.js";

/**
 * Walks a condition tree and rebuilds only what a hook changed. Override {@link transformPath},
 * {@link transformOperand}, {@link transformRaw} or {@link transformCondition} (calling `super`).
 *
 * @example
 * ```ts
 * class Upper extends ConditionTransformer {
 *   protected override transformPath(path: Path): Path { return toPath(pathToString(path).toUpperCase()); }
 * }
 * new Upper().transformCondition(cond.eq("a", 1)); // A = :v0
 * ```
 * @internal
 */
export class ConditionTransformer {
  /** Visits `node` and its children in document order; returns `node` itself when nothing below it changed. */
  transformCondition(node: ConditionNode): ConditionNode {
    switch (node.kind) {
      case "comparison": {
        const left = this.transformOperand(node.left);
        const right = this.transformOperand(node.right);
        return left === node.left && right === node.right ? node : cond.compare(node.operator, left, right);
      }
      case "between": {
        const subject = this.transformOperand(node.subject);
        const low = this.transformOperand(node.low);
        const high = this.transformOperand(node.high);
        return subject === node.subject && low === node.low && high === node.high ? node : cond.betweenOperands(subject, low, high);
      }
      case "in": {
        const subject = this.transformOperand(node.subject);
        const values = this.#each(node.values, false);
        return subject === node.subject && values === node.values ? node : cond.inOperands(subject, values);
      }
      case "begins_with":
      case "contains": {
        const path = this.transformPath(node.path);
        const value = this.transformOperand(node.value);
        return path === node.path && value === node.value ? node : { kind: node.kind, path, value };
      }
      case "attribute_exists":
      case "attribute_not_exists":
      case "attribute_type": {
        const path = this.transformPath(node.path);
        return path === node.path ? node : { ...node, path };
      }
      case "and":
      case "or": {
        const conditions = this.#each(node.conditions, true);
        return conditions === node.conditions ? node : { kind: node.kind, conditions };
      }
      case "not":
      case "group": {
        const condition = this.transformCondition(node.condition);
        return condition === node.condition ? node : { kind: node.kind, condition };
      }
      case "raw":
        return this.transformRaw(node);
      default:
        return assertNever(node, "condition node");
    }
  }

  /** Visits one operand: the path of a `path` or `size()` operand goes through {@link transformPath}. */
  protected transformOperand(node: Operand): Operand {
    if (node.kind !== "path" && node.kind !== "size") return node;
    const path = this.transformPath(node.path);
    if (path === node.path) return node;
    return node.kind === "path" ? operand.path(path) : operand.size(path);
  }

  /** Visits one attribute path (unchanged by default). */
  protected transformPath(path: Path): Path {
    return path;
  }

  /** Visits a raw expression, whose placeholders are its own (unchanged by default). */
  protected transformRaw(node: RawNode): ConditionNode {
    return node;
  }

  /** The operands (`conditions` false) or conditions transformed; the same array when none changed. */
  #each<T extends Operand | ConditionNode>(nodes: readonly T[], conditions: boolean): readonly T[] {
    let out: T[] | undefined;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as T;
      const next = (conditions ? this.transformCondition(node as ConditionNode) : this.transformOperand(node as Operand)) as T;
      if (next !== node && out === undefined) out = nodes.slice(0, i);
      out?.push(next);
    }
    return out === undefined ? nodes : out;
  }
}
