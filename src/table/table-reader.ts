/**
 * The view of a whole table that `table.query()` and `table.scan()` hand to Query and Scan: the key schema and
 * the indexes of every model, values encoded by the schema that declares the attribute, and each stored item
 * converted by the model that wrote it (`table.fromStored`).
 *
 * @module
 * @internal
 */
import type { ValueEncoder } from "../expression/index.js";
import { resolveAttribute } from "../bind/attribute-path.js";
import type { ModelCore } from "../model/model-core.js";
import { schemaEncoder } from "../bind/schema-encoder.js";
import type { IndexSpec, Schema } from "../schema/schema.js";
import type { Table } from "./table.js";

/** One schema answering for all of them: the first one's keys, every index, the first declaration of an attribute. */
function mergedSchema(schemas: readonly Schema[]): Schema {
  const first = schemas[0] as Schema;
  const indexes = (): IndexSpec[] => {
    const byName = new Map<string, IndexSpec>();
    for (const schema of schemas) for (const index of schema.indexes()) if (!byName.has(index.name)) byName.set(index.name, index);
    return [...byName.values()];
  };
  const attribute = (name: string) => {
    for (const schema of schemas) {
      const found = schema.attribute(name);
      if (found) return found;
    }
    return undefined;
  };
  return new Proxy(first, {
    get(target, property) {
      if (property === "indexes") return indexes;
      if (property === "attribute") return attribute;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Encodes a condition value with the schema that declares its attribute (the first one otherwise). */
function mergedEncoder(schemas: readonly Schema[]): ValueEncoder {
  const encoders = new Map(schemas.map((schema) => [schema, schemaEncoder(schema)]));
  return (path, value) => {
    const schema = schemas.find((s) => resolveAttribute(s, path)) ?? (schemas[0] as Schema);
    return (encoders.get(schema) as ValueEncoder)(path, value);
  };
}

/** A model-like reader of the whole table, for Query and Scan. */
export function tableReader(table: Table): ModelCore {
  const schemas = table.models.flatMap((model) => model.schemas);
  const first = (table.models[0] as Table["models"][number]).Model as unknown as ModelCore;
  const reader = Object.create(first) as ModelCore;
  const own = (value: unknown): PropertyDescriptor => ({ value, enumerable: false });
  Object.defineProperties(reader, {
    name: own(table.name),
    schema: own(mergedSchema(schemas)),
    encoder: own(mergedEncoder(schemas)),
    table: own(() => table),
    // ModelCore.fromStored goes through readStored: this one override routes every read to the writing model.
    readStored: own((map: Parameters<ModelCore["readStored"]>[0]) => table.fromStored(map)),
  });
  return reader;
}
