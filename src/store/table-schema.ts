/**
 * The schema of a table of several models, what the table store's queries and scans select keys and indexes with,
 * and its encoder: each value encoded by the schema that declares the attribute.
 *
 * @module
 * @internal
 */
import { resolveAttribute } from "../bind/attribute-path.js";
import { schemaEncoder } from "../bind/schema-encoder.js";
import type { ValueEncoder } from "../expression/index.js";
import type { AttributeNode } from "../schema/nodes.js";
import { type IndexSpec, type Schema, SchemaBase } from "../schema/schema.js";

/**
 * One schema answering for all of a table's: the first one's keys and settings, every index (the first of a name),
 * the first declaration of an attribute. Built once per table, so per-schema caches keep working across reads.
 */
export class TableSchema extends SchemaBase {
  readonly #schemas: readonly Schema[];
  #merged: readonly IndexSpec[] | undefined;

  constructor(schemas: readonly Schema[]) {
    const first = schemas[0] as Schema;
    super(first.definition, first.settings);
    this.#schemas = schemas;
  }

  /** The indexes of every schema, the first of each name. */
  override indexes(): readonly IndexSpec[] {
    if (this.#merged === undefined) {
      const byName = new Map<string, IndexSpec>();
      for (const schema of this.#schemas) for (const index of schema.indexes()) if (!byName.has(index.name)) byName.set(index.name, index);
      this.#merged = [...byName.values()];
    }
    return this.#merged;
  }

  /** The first declaration of a root name or alias. */
  override attribute(name: string): AttributeNode | undefined {
    for (const schema of this.#schemas) {
      const found = schema.attribute(name);
      if (found) return found;
    }
    return undefined;
  }
}

/** Encodes a condition value with the schema that declares its attribute (the first one otherwise). */
export function mergedEncoder(schemas: readonly Schema[]): ValueEncoder {
  const encoders = new Map(schemas.map((schema) => [schema, schemaEncoder(schema)]));
  return (path, value) => {
    const schema = schemas.find((s) => resolveAttribute(s, path)) ?? (schemas[0] as Schema);
    return (encoders.get(schema) as ValueEncoder)(path, value);
  };
}
