/**
 * One entry of an update object (a path, its schema attribute and the value given) and what several update operators
 * share: an attribute's type kinds and the `SET` of its default.
 *
 * @module
 * @internal
 */
import { operand, type Path, type SetAction, updateAction } from "../expression/index.js";
import type { AttributeNode } from "../schema/nodes.js";
import type { Schema } from "../schema/schema.js";
import type { SerializeContext } from "../schema/serialize.js";
import { serializerOf } from "../bind/schema-encoder.js";

/** One entry of an update object: its path (root as stored), dotted text, schema attribute (if any) and value. */
export interface UpdateEntry {
  readonly path: Path;
  readonly text: string;
  readonly node: AttributeNode | undefined;
  readonly value: unknown;
}

const kindsOf = new WeakMap<AttributeNode, ReadonlySet<string>>();
const noKinds: ReadonlySet<string> = new Set();

/** The type kinds of an attribute (computed once per node; empty for an unknown attribute). */
export function typeKinds(node: AttributeNode | undefined): ReadonlySet<string> {
  if (!node) return noKinds;
  let found = kindsOf.get(node);
  if (!found) kindsOf.set(node, (found = new Set(node.types.map((type) => type.kind))));
  return found;
}

/** The default of an attribute (a default function is called). */
export async function defaultOf(node: AttributeNode): Promise<unknown> {
  return typeof node.default === "function" ? await (node.default as () => unknown)() : node.default;
}

/**
 * `SET path = value` for an attribute (its default, usually), the value passed through the attribute's checks; undefined
 * when it has issues (collected in `context`) or is an empty Set.
 */
export function setToValue(
  schema: Schema,
  entry: { readonly path: Path; readonly text: string },
  node: AttributeNode,
  value: unknown,
  context: SerializeContext,
): SetAction | undefined {
  const encoded = serializerOf(schema, node, entry.path)(value, entry.text, context);
  return encoded && updateAction.setTo(entry.path, operand.attributeValue(encoded));
}
