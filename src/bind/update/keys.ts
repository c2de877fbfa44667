/**
 * The keys of an update object resolved to entries: each key to a path whose root is the stored name (aliases
 * replaced), once per schema and key; the entries of `$SET`, `$ADD`, `$REMOVE` and `$DELETE`; key attributes refused.
 *
 * @module
 * @internal
 */
import { InvalidParameter } from "../../errors.js";
import { type Path, parsePath } from "../../expression/index.js";
import type { AttributeNode } from "../../schema/nodes.js";
import type { Schema } from "../../schema/schema.js";
import { pathText, resolveAttribute } from "../attribute-path.js";
import { factOf, type SchemaFact } from "../schema-facts.js";
import type { UpdateEntry } from "./entry.js";

/** What an update key resolves to in one schema: its path (aliases replaced), dotted text and attribute node. */
interface ResolvedKey {
  readonly path: Path;
  readonly text: string;
  readonly node: AttributeNode | undefined;
}

const MAX_RESOLVED_KEYS = 2048;
/** Update keys already resolved (schemas are immutable, so a key always resolves the same way). */
const resolvedKeys: SchemaFact<Map<string, ResolvedKey>> = { name: "resolved update keys", build: () => new Map() };

/**
 * Resolves an update key to a path whose root is the stored name (aliases replaced), once per schema and key.
 * A key that is exactly a declared top-level name or alias is that attribute, even when it holds `[`, `]` or `.`
 * (`"x[0]"` declared in the schema is the attribute `x[0]`, not element 0 of `x`); any other key is parsed as a
 * path, where quoted segments address such names anywhere (`["a.b"]`, `m["x[0]"]`).
 */
function resolveKey(schema: Schema, key: string): ResolvedKey {
  const cache = factOf(schema, resolvedKeys);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const parsed: Path = schema.attribute(key) ? Object.freeze([Object.freeze({ kind: "name", name: key } as const)]) : parsePath(key);
  const first = parsed[0];
  const node0 = first?.kind === "name" ? schema.attribute(first.name) : undefined;
  // Frozen like parsed paths, so the action factories keep it as it is.
  const path: Path =
    node0 && first?.kind === "name" && first.name !== node0.name
      ? Object.freeze([Object.freeze({ kind: "name", name: node0.name } as const), ...parsed.slice(1)])
      : parsed;
  const resolved: ResolvedKey = { path, text: pathText(path), node: resolveAttribute(schema, path) };
  if (cache.size >= MAX_RESOLVED_KEYS) cache.clear();
  cache.set(key, resolved);
  return resolved;
}

/** One entry of an update object: its resolved key and the value given. */
export function entryOf(schema: Schema, key: string, value: unknown): UpdateEntry {
  const { path, text, node } = resolveKey(schema, key);
  return { path, text, node, value };
}

/** Appends the entries of one operator's object (or `$REMOVE` array) to `into`. */
export function collectEntries(schema: Schema, object: unknown, operator: string, into: UpdateEntry[]): UpdateEntry[] {
  if (object === undefined) return into;
  if (operator === "$REMOVE" && Array.isArray(object)) {
    for (const key of object as string[]) into.push(entryOf(schema, key, undefined));
    return into;
  }
  if (typeof object !== "object" || object === null) {
    throw new InvalidParameter(`${operator} must be an object of attribute paths to values.`, { code: "invalid_update", path: operator });
  }
  const record = object as Record<string, unknown>;
  for (const key of Object.keys(record)) into.push(entryOf(schema, key, record[key]));
  return into;
}

/** Refuses an update of the table's key attributes. */
export function refuseKeyUpdates(list: readonly UpdateEntry[], hashKey: string, rangeKey: string | undefined): void {
  for (const item of list) {
    const root = item.path[0];
    if (root?.kind === "name" && (root.name === hashKey || root.name === rangeKey)) {
      throw new InvalidParameter(`The key attribute ${root.name} can not be updated; pass it in the key instead.`, {
        code: "update_key",
        path: root.name,
      });
    }
  }
}
