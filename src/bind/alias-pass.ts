/**
 * A schema-aware pass over a condition: attribute paths that start with an alias (`map`/`alias`) are rewritten
 * to the stored attribute name, so conditions, filters and key conditions accept app-side names as Dynamoose does.
 *
 * @module
 * @internal
 */
import type { ConditionNode, Operand, Path } from "../expression/index.js";
import { assertNever } from "../expression/assert-never.js";
import type { Schema } from "../schema/schema.js";

/** The stored names of a schema's aliases; empty when it has none (the pass is then skipped). */
function aliasMap(schema: Schema): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const attribute of schema.root.attributes) for (const alias of attribute.aliases) map.set(alias, attribute.name);
  return map;
}

const cache = new WeakMap<Schema, ReadonlyMap<string, string>>();

/** Rewrites aliased paths in `node` to stored names (returns `node` itself when nothing changes). */
export function resolveAliases(node: ConditionNode, schema: Schema): ConditionNode {
  let aliases = cache.get(schema);
  if (!aliases) {
    aliases = aliasMap(schema);
    cache.set(schema, aliases);
  }
  return aliases.size === 0 ? node : rewrite(node, aliases);
}

function rewritePath(path: Path, aliases: ReadonlyMap<string, string>): Path {
  const first = path[0];
  const stored = first?.kind === "name" ? aliases.get(first.name) : undefined;
  return stored === undefined ? path : [{ kind: "name", name: stored }, ...path.slice(1)];
}

function rewriteOperand(operand: Operand, aliases: ReadonlyMap<string, string>): Operand {
  return operand.kind === "path" || operand.kind === "size" ? { ...operand, path: rewritePath(operand.path, aliases) } : operand;
}

function rewrite(node: ConditionNode, aliases: ReadonlyMap<string, string>): ConditionNode {
  switch (node.kind) {
    case "comparison":
      return { ...node, left: rewriteOperand(node.left, aliases), right: rewriteOperand(node.right, aliases) };
    case "between":
      return { ...node, subject: rewriteOperand(node.subject, aliases) };
    case "in":
      return { ...node, subject: rewriteOperand(node.subject, aliases) };
    case "begins_with":
    case "contains":
    case "attribute_exists":
    case "attribute_not_exists":
    case "attribute_type":
      return { ...node, path: rewritePath(node.path, aliases) };
    case "and":
    case "or":
      return { ...node, conditions: node.conditions.map((child) => rewrite(child, aliases)) };
    case "not":
    case "group":
      return { ...node, condition: rewrite(node.condition, aliases) };
    case "raw":
      return node;
    default:
      return assertNever(node, "condition node");
  }
}
