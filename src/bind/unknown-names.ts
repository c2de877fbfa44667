/**
 * The model setting `unknownAttributes: "throw"`: names an item or an update object gives that its schema neither
 * declares nor keeps (`saveUnknown`) are refused, each path named, instead of being dropped silently (the default,
 * as in Dynamoose).
 *
 * @module
 * @internal
 */
import { type Issue, UnknownAttribute } from "../errors.js";
import { type Path, parsePath } from "../expression/index.js";
import type { AttributeNode, ObjectShape } from "../schema/nodes.js";
import { isPlainObject } from "../schema/parse.js";
import { keepRuleAt } from "../schema/save-unknown.js";
import type { Schema } from "../schema/schema.js";
import { resolveAttribute } from "./attribute-path.js";

/** A path as `saveUnknown` matches it: segment by segment (a name holding a dot is one segment). */
type Segments = readonly (string | number)[];

const kept = (schema: Schema, segments: Segments): boolean => keepRuleAt(schema.plan.keep, segments) !== undefined;

/** What a model does with names its schema does not declare: drop them silently (default) or refuse them. */
export type UnknownAttributes = "drop" | "throw";

const operators = ["$SET", "$ADD", "$REMOVE", "$DELETE"] as const;

/**
 * The paths of `object` (an item given to `new Model(obj)`/`create`/`save`) that `schema` neither declares nor keeps,
 * nested objects and list elements included; `ignore` holds the names the table writes itself (expiry, entity tag).
 *
 * @example
 * ```ts
 * unknownItemPaths(schema, { id: "o1", address: { citty: "Paris" }, nmae: "x" }, new Set()); // ["address.citty", "nmae"]
 * ```
 */
export function unknownItemPaths(schema: Schema, object: Readonly<Record<string, unknown>>, ignore: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const key of Object.keys(object)) {
    if (ignore.has(key)) continue;
    const node = schema.attribute(key);
    walk(schema, node, key, [node?.name ?? key], object[key], found);
  }
  return found;
}

/**
 * The paths an update object names (plain keys, `$SET`, `$ADD`, `$REMOVE`, `$DELETE`, and inside the object values
 * it sets) that `schema` neither declares nor keeps.
 *
 * @example
 * ```ts
 * unknownUpdatePaths(schema, { "address.citty": "Paris", $REMOVE: ["nmae"] }); // ["address.citty", "nmae"]
 * ```
 */
export function unknownUpdatePaths(schema: Schema, update: Readonly<Record<string, unknown>>): string[] {
  const found: string[] = [];
  const visit = (key: string, value: unknown, withValue: boolean) => {
    const path: Path = schema.attribute(key) ? [{ kind: "name", name: key }] : parsePath(key);
    const node = resolveAttribute(schema, path);
    const text = textOf(schema, path);
    const segments = segmentsOf(schema, path);
    if (node === undefined) {
      if (!kept(schema, segments)) found.push(text);
    } else if (withValue) {
      walk(schema, node, text, segments, value, found);
    }
  };
  for (const key of Object.keys(update)) if (!(operators as readonly string[]).includes(key)) visit(key, update[key], true);
  for (const operator of operators) {
    const entries = update[operator];
    if (Array.isArray(entries)) for (const key of entries) visit(String(key), undefined, false);
    else if (isPlainObject(entries)) for (const key of Object.keys(entries)) visit(key, entries[key], operator === "$SET");
  }
  return found;
}

/**
 * Throws `UnknownAttribute` naming every path found (never their values).
 *
 * @example
 * ```ts
 * refuseUnknown("Order", ["address.citty"]); // UnknownAttribute: Order: "address.citty" is not an attribute of the schema …
 * ```
 */
export function refuseUnknown(model: string, paths: readonly string[]): void {
  if (paths.length === 0) return;
  const names = paths.map((path) => JSON.stringify(path)).join(", ");
  const issues: Issue[] = paths.map((path) => ({
    code: "unknown_attribute",
    path,
    message: `${path} is not an attribute of the schema of ${model}.`,
    expected: "an attribute the schema declares",
  }));
  throw new UnknownAttribute(
    `${model}: ${names} ${paths.length === 1 ? "is not an attribute" : "are not attributes"} of the schema (the model refuses unknown attributes: unknownAttributes: "throw").`,
    { code: "unknown_attribute", path: paths[0], expected: "attributes the schema declares", issues },
  );
}

/** The dotted text of a path with its root alias replaced by the stored name (as `saveUnknown` patterns match). */
function textOf(schema: Schema, path: Path): string {
  let text = "";
  for (const [i, segment] of path.entries()) {
    const part =
      segment.kind === "index" ? String(segment.index) : i === 0 ? (schema.attribute(segment.name)?.name ?? segment.name) : segment.name;
    text = text === "" ? part : `${text}.${part}`;
  }
  return text;
}

/** The segments of a path with its root alias replaced by the stored name. */
function segmentsOf(schema: Schema, path: Path): Segments {
  return path.map((segment, i) =>
    segment.kind === "index" ? segment.index : i === 0 ? (schema.attribute(segment.name)?.name ?? segment.name) : segment.name,
  );
}

/** Records `path` when unknown; below a declared Object or Array attribute, looks at the children given. */
function walk(schema: Schema, node: AttributeNode | undefined, path: string, segments: Segments, value: unknown, found: string[]): void {
  if (node === undefined) {
    if (!kept(schema, segments)) found.push(path);
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const type of node.types) {
    if (type.kind === "object" && type.shape && isPlainObject(value)) {
      walkShape(schema, type.shape, path, segments, value, found);
      return;
    }
    if (type.kind === "array" && type.element && Array.isArray(value)) {
      for (const [i, element] of value.entries()) walk(schema, type.element, `${path}.${i}`, [...segments, i], element, found);
      return;
    }
  }
}

function walkShape(
  schema: Schema,
  shape: ObjectShape,
  path: string,
  segments: Segments,
  value: Record<string, unknown>,
  found: string[],
): void {
  for (const key of Object.keys(value)) walk(schema, shape.byName.get(key), `${path}.${key}`, [...segments, key], value[key], found);
}
