/**
 * Which model owns a stored item, decided in one place for model reads, table reads and transactions: the model
 * whose entity tag the item carries; else the model reading it (a model reads its own items); else, for a read of the
 * whole table, the model whose schemas know the most of the item's attributes (the first on ties), as Dynamoose
 * chooses. Within a model, the schema that fits best reads it (`schemasByMatch`).
 *
 * @module
 * @internal
 */
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import type { StoredReader } from "./port.js";

/** How many of `names` (top-level names or aliases) `schema` declares. */
const matchScore = (schema: Schema, names: readonly string[]): number => names.filter((name) => schema.attribute(name)).length;

/**
 * The store that owns a stored item: the one whose entity tag it carries, else `reader` when given, else the one
 * whose schemas know the most of its attributes (stores whose tag attribute holds another model's tag are skipped).
 */
export function ownerOf<S extends StoredReader>(stores: readonly S[], map: AttributeMap, reader?: S): S | undefined {
  for (const store of stores) {
    const tag = store.entity;
    if (tag && map[tag.attribute]?.S === tag.value) return store;
  }
  if (reader) return reader;
  let best: S | undefined;
  let bestScore = -1;
  const names = Object.keys(map);
  for (const store of stores) {
    if (store.entity && map[store.entity.attribute] !== undefined) continue;
    const score = Math.max(...store.schemas.map((schema) => matchScore(schema, names)));
    if (score > bestScore) [best, bestScore] = [store, score];
  }
  return best;
}

/**
 * The schemas, best match for `object` first: by how many of its top-level names (or aliases) each declares,
 * declaration order on ties (Dynamoose's "best-matching schema per item, first on ties").
 */
export function schemasByMatch(schemas: readonly Schema[], object: object): readonly Schema[] {
  if (schemas.length === 1) return schemas;
  const names = Object.keys(object);
  const scored = schemas.map((schema, order) => ({ schema, order, score: matchScore(schema, names) }));
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((entry) => entry.schema);
}
