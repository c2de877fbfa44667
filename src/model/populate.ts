/**
 * `item.populate()`: replaces reference attributes (models as attribute types) by the items they refer to.
 * A reference whose item no longer exists keeps its key (Dynamoose crashes there, issue #1645).
 *
 * @module
 * @internal
 */
import type { Item, PopulateSettings } from "../item/item.js";
import type { ModelRef } from "../schema/nodes.js";
import { unknownMatcher } from "../schema/save-unknown.js";
import type { Schema } from "../schema/schema.js";

async function fetchOne(model: ModelRef, value: unknown): Promise<unknown> {
  if (value === null || value === undefined) return value;
  if (typeof value === "object" && !(value instanceof Uint8Array) && !isKeyMap(value, model)) return value; // already populated
  const found = await model.resolve().fetch(value);
  return found ?? value;
}

function isKeyMap(value: object, model: ModelRef): boolean {
  const { hashKey, rangeKey } = model.resolve();
  const keys = Object.keys(value);
  return rangeKey !== undefined && keys.length === 2 && keys.includes(hashKey) && keys.includes(rangeKey);
}

/** Populates the reference attributes of `item` selected by `settings.properties` (all by default). */
export async function populate(schema: Schema, item: Item, settings: PopulateSettings): Promise<Item> {
  const properties = settings.properties;
  const selected = unknownMatcher(properties === undefined || properties === true ? true : typeof properties === "string" ? [properties] : properties || []);
  const fields = item as unknown as Record<string, unknown>;
  for (const node of schema.root.attributes) {
    const value = fields[node.readName];
    if (value === undefined || !selected(node.readName)) continue;
    for (const type of node.types) {
      if (type.kind === "model") fields[node.readName] = await fetchOne(type.model, value);
      else if (type.kind === "set" && type.model && value instanceof Set) {
        const model = type.model;
        fields[node.readName] = await Promise.all([...value].map((v) => fetchOne(model, v)));
      } else if (type.kind === "array" && Array.isArray(value)) {
        const element = type.element?.types.find((t) => t.kind === "model");
        if (element?.kind === "model") fields[node.readName] = await Promise.all(value.map((v) => fetchOne(element.model, v)));
      }
    }
  }
  return item;
}
