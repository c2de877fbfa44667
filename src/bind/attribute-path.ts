/**
 * Finds the schema attribute an expression path points at (through aliases, nested Objects and Array elements).
 *
 * @module
 * @internal
 */
import type { Path } from "../expression/index.js";
import type { AttributeNode } from "../schema/nodes.js";
import { type KeepRule, keepRuleAt } from "../schema/save-unknown.js";
import type { Schema } from "../schema/schema.js";

/** The dotted form of a path (`a.b.0`), as errors name attributes. */
export function pathText(path: Path): string {
  let text = "";
  for (const segment of path) {
    const part = segment.kind === "name" ? segment.name : String(segment.index);
    text = text === "" ? part : `${text}.${part}`;
  }
  return text;
}

/** The attribute at `path`, or undefined when the schema does not define it. */
export function resolveAttribute(schema: Schema, path: Path): AttributeNode | undefined {
  const [first, ...rest] = path;
  if (first?.kind !== "name") return undefined;
  let node = schema.attribute(first.name);
  for (const segment of rest) {
    node = node && childOf(node, segment.kind === "name" ? segment.name : undefined);
  }
  return node;
}

function childOf(node: AttributeNode, name: string | undefined): AttributeNode | undefined {
  for (const type of node.types) {
    if (name !== undefined && type.kind === "object" && type.shape) {
      const child = type.shape.byName.get(name);
      if (child) return child;
    }
    if (name === undefined && type.kind === "array" && type.element) return type.element;
  }
  return undefined;
}

/** What `saveUnknown` keeps at `path` (segment by segment: names and list indexes); undefined when it is dropped. */
export function keepRuleAtPath(schema: Schema, path: Path): KeepRule | undefined {
  return keepRuleAt(
    schema.plan.keep,
    path.map((segment) => (segment.kind === "name" ? segment.name : segment.index)),
  );
}
