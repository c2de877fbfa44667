/**
 * One entry of an update object and what every operator needs of it: its attribute's type kinds, its default, and
 * `SET path = value` through the attribute's checks (a secondary index key's value included).
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { operand, type Path, type SetAction, updateAction } from "../../expression/index.js";
import type { AttributeNode } from "../../schema/nodes.js";
import type { Schema } from "../../schema/schema.js";
import type { SerializeContext } from "../../schema/serialize.js";
import { checkIndexKeyValue } from "../index-keys.js";
import { serializerOf } from "../schema-encoder.js";
import { factOf, type SchemaFact } from "../schema-facts.js";

/** One entry of an update object: its path (root as stored), dotted text, schema attribute (if any) and value. */
export interface UpdateEntry {
  readonly path: Path;
  readonly text: string;
  readonly node: AttributeNode | undefined;
  readonly value: unknown;
}

/** The type kinds of each attribute node of a schema, computed once per node. */
const typeKindsFact: SchemaFact<Map<AttributeNode, ReadonlySet<string>>> = { name: "type kinds by attribute", build: () => new Map() };
const noKinds: ReadonlySet<string> = new Set();

/** The type kinds of an attribute (computed once per node; empty for an unknown attribute). */
export function typeKinds(schema: Schema, node: AttributeNode | undefined): ReadonlySet<string> {
  if (!node) return noKinds;
  const kinds = factOf(schema, typeKindsFact);
  let found = kinds.get(node);
  if (!found) kinds.set(node, (found = new Set(node.types.map((type) => type.kind))));
  return found;
}

/** The default of an attribute (a default function is called). */
export async function defaultOf(node: AttributeNode): Promise<unknown> {
  return typeof node.default === "function" ? await (node.default as () => unknown)() : node.default;
}

/** Refuses a value a secondary index would refuse as its key, when `path` is a root attribute (see `index-keys.ts`). */
export function checkSetKeyValue(schema: Schema, path: Path, encoded: AttributeValue): void {
  const root = path[0];
  if (path.length === 1 && root?.kind === "name") checkIndexKeyValue(schema, root.name, encoded);
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
  if (encoded) checkSetKeyValue(schema, entry.path, encoded);
  return encoded && updateAction.setTo(entry.path, operand.attributeValue(encoded));
}
