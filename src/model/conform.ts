/**
 * Dynamoose's conform-with-settings entry points (`item.conformToSchema`, `Item.objectFromSchema`,
 * `Item.attributesWithSchema`), mapped onto the compiled schema plan: no second interpretation of the schema.
 *
 * @module
 * @internal
 */
import { storedFormOf } from "../item/dynamo-object.js";
import type { ItemConformSettings } from "../item/item.js";
import { mapToObject } from "../marshal/from-attribute-value.js";
import type { Schema } from "../schema/schema.js";

/** Whether the settings ask for a step only the whole save pipeline runs. */
const needsPipeline = (settings: ItemConformSettings): boolean =>
  Boolean(
    settings.defaults ||
      settings.forceDefault ||
      settings.validate ||
      settings.enum ||
      settings.combine ||
      settings.updateTimestamps ||
      settings.modifiers?.includes("set"),
  );

/**
 * `object` conformed to `schema`. `fromDynamo`: read as stored, then type-checked; `toDynamo`: type-checked (or put
 * through the save pipeline), given back as read (`customTypesDynamo` / `mapAttributes`: in stored form).
 */
export async function conformObject(
  schema: Schema,
  object: Record<string, unknown>,
  settings: ItemConformSettings,
  isNew: boolean,
): Promise<Record<string, unknown>> {
  const plan = schema.plan;
  const checkRequired = settings.required === true || settings.required === "nested";
  if ((settings.type ?? "toDynamo") === "fromDynamo") {
    const map = storedFormOf(object);
    const fields = settings.modifiers?.includes("get") ? await plan.fromDynamo(map) : plan.fromDynamoRaw(map);
    if (settings.typeCheck !== false) plan.serializeConformed(fields, checkRequired);
    return fields;
  }
  if (settings.typeCheck === false && !needsPipeline(settings)) return { ...object };
  const stamps = settings.updateTimestamps;
  const map = needsPipeline(settings)
    ? await plan.toDynamo(object, {
        isNew: isNew && (stamps === true || (typeof stamps === "object" && stamps.createdAt === true)),
        timestamps: Boolean(stamps),
      })
    : plan.serializeConformed(object, checkRequired);
  return settings.customTypesDynamo || settings.mapAttributes ? mapToObject(map, "") : plan.fromDynamoRaw(map);
}

interface PathTree {
  [segment: string]: PathTree;
}

/**
 * Every attribute path of `schema` that `object` has or could have: schema paths, with list elements numbered by
 * the elements `object` holds (one element assumed for an absent or empty list), as Dynamoose's
 * `Item.attributesWithSchema`.
 */
export function attributesWithSchema(schema: Schema, object: Record<string, unknown>): string[] {
  const root: PathTree = {};
  for (const path of schema.attributes()) {
    let node = root;
    for (const segment of path.split(".")) {
      if (!Object.hasOwn(node, segment)) node[segment] = {};
      node = node[segment] as PathTree;
    }
  }
  const out: string[] = [];
  const walk = (value: unknown, tree: PathTree, path: readonly (string | number)[]): void => {
    out.push(path.join("."));
    for (const segment of Object.keys(tree)) {
      const subtree = tree[segment] as PathTree;
      if (segment === "0") {
        const list = Array.isArray(value) && value.length > 0 ? value : [{}];
        for (let i = 0; i < list.length; i++) walk(list[i], subtree, [...path, i]);
      } else {
        const child =
          typeof value === "object" && value !== null && Object.hasOwn(value, segment)
            ? (value as Record<string, unknown>)[segment]
            : undefined;
        walk(child, subtree, [...path, segment]);
      }
    }
  };
  walk(object, root, []);
  return out.slice(1);
}
