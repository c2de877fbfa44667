/**
 * Per-schema facts, built once per schema on first use and held in one place: the alias pass, the compiled value
 * serializers, the update plan and resolved update keys, the key specs. Each fact is declared beside the code that
 * builds it (a {@link SchemaFact}); this module only holds them, so it imports nothing that uses it.
 *
 * @module
 * @internal
 */
import type { Schema } from "../schema/schema.js";

/**
 * A fact derived from a schema alone: `build` runs once per schema, the first time the fact is asked for.
 *
 * @example
 * ```ts
 * const attributeCount: SchemaFact<number> = { name: "attribute count", build: (schema) => schema.root.attributes.length };
 * factOf(schema, attributeCount); // built once, then held
 * ```
 * @internal
 */
export interface SchemaFact<T> {
  /** What the fact is, for readers and debugging. */
  readonly name: string;
  /** Builds the fact of one schema (called once per schema). */
  build(schema: Schema): T;
}

const facts = new WeakMap<Schema, Map<SchemaFact<unknown>, unknown>>();

/**
 * The fact of `schema`, built on first use.
 *
 * @example
 * ```ts
 * factOf(schema, aliasesFact).get("email"); // the stored name of the alias "email"
 * ```
 * @internal
 */
export function factOf<T>(schema: Schema, fact: SchemaFact<T>): T {
  let held = facts.get(schema);
  if (held === undefined) facts.set(schema, (held = new Map()));
  const value = held.get(fact);
  if (value !== undefined || held.has(fact)) return value as T;
  const built = fact.build(schema);
  held.set(fact, built);
  return built;
}
