/**
 * An item made ready to store: conformed by the best-matching schema of its model that accepts it, with what the
 * table writes beside it (entity tag, expiry), unknown names refused when the model says so, keys and size checked.
 *
 * @module
 * @internal
 */
import { checkIndexKeyValues } from "../bind/index-keys.js";
import { refuseUnknown, unknownItemPaths } from "../bind/unknown-names.js";
import { type Item, storedOf } from "../item/item.js";
import { mapToObject } from "../marshal/from-attribute-value.js";
import { checkKeyValues } from "../schema/key-limits.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import { checkItemSize } from "./item-size.js";
import { schemasByMatch } from "./owner.js";
import type { Conformed, ModelFacts } from "./model-port.js";
import { addTableAttributes } from "./stored-item.js";

/** What conforming needs of a model's store. */
interface ConformSource extends ModelFacts {
  readonly schemas: readonly Schema[];
}

/** The names the table writes beside an item's attributes (expiry, entity tag, version), never unknown. */
function tableNames(model: ModelFacts): ReadonlySet<string> {
  const names = new Set<string>();
  const expires = model.table().expires?.attribute;
  if (expires !== undefined) names.add(expires);
  if (model.entity) names.add(model.entity.attribute);
  const version = model.versionName;
  if (version !== undefined) names.add(version);
  return names;
}

/** Conforms an item with the best-matching schema that accepts it (see `schemasByMatch`); the first refusal otherwise. */
export async function conformItem(model: ConformSource, item: Item, isNew: boolean): Promise<Conformed> {
  const stored = storedOf(item);
  // The item as last read, as stored (Dynamoose's `original()`: epoch numbers, Sets), is only needed by `set`
  // transforms (their oldValue): skip converting it otherwise. A new item's oldValue is null, as in Dynamoose.
  const old = stored ? (model.schemas.some((schema) => schema.plan.usesOldValues) ? mapToObject(stored, "") : undefined) : null;
  // The plan copies the item's own enumerable attributes before writing into the copy: no copy here.
  const fields = item as unknown as Record<string, unknown>;
  let firstError: unknown;
  for (const schema of schemasByMatch(model.schemas, fields)) {
    let map: AttributeMap;
    try {
      map = addTableAttributes(model.table(), model.entity, schema, fields, await schema.plan.toDynamo(fields, { isNew, old }));
    } catch (error) {
      firstError ??= error;
      continue;
    }
    if (model.unknownAttributes === "throw") refuseUnknown(model.name, unknownItemPaths(schema, fields, tableNames(model)));
    checkKeyValues(map, schema.hashKey, schema.rangeKey);
    checkIndexKeyValues(schema, map);
    checkItemSize(map, model.name);
    return { schema, map };
  }
  throw firstError;
}
