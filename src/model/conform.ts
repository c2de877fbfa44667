/**
 * Dynamoose's conform-with-settings entry points (`item.conformToSchema`, `Item.objectFromSchema`,
 * `Item.attributesWithSchema`), mapped onto the compiled schema plan: no second interpretation of the schema.
 *
 * @module
 * @internal
 */
import { InvalidParameter } from "../errors.js";
import { storedFormOf } from "../item/dynamo-object.js";
import type { ItemConformSettings } from "../item/item.js";
import { mapToObject } from "../marshal/from-attribute-value.js";
import { defineOwn } from "../marshal/own-properties.js";
import type { ConformSteps } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import { chooseShape } from "../schema/type-choice.js";
import { keepGivenDates } from "./given-dates.js";

/**
 * The schema of `schemas` Dynamoose's `objectFromSchema` conforms `object` with: the one its attributes fit best, at
 * every depth (an attribute of another type counts against a schema, one the schema lacks half), the first on ties.
 */
export function schemaForObject(schemas: readonly Schema[], object: Record<string, unknown>): Schema {
  return chooseShape(schemas, (schema) => schema.root, object);
}

/** The write steps Dynamoose's settings ask for, each only its own (as `objectFromSchema` runs them). */
function stepsOf(settings: ItemConformSettings, isNew: boolean): ConformSteps {
  const stamps = settings.updateTimestamps;
  return {
    defaults: Boolean(settings.defaults || settings.forceDefault),
    timestamps: Boolean(stamps),
    isNew: isNew && (stamps === true || (typeof stamps === "object" && stamps.createdAt === true)),
    combine: Boolean(settings.combine),
    set: settings.modifiers?.includes("set") === true,
    validate: Boolean(settings.validate),
    enum: Boolean(settings.enum),
    checkRequired: settings.required === "nested" ? "nested" : settings.required === true,
    keepUnknown: settings.saveUnknown === true,
  };
}

/**
 * `object` conformed to `schema` with Dynamoose's settings, each running its own step of the write pipeline
 * (`defaults`/`forceDefault`, `updateTimestamps`, `combine`/`modifiers: ["set"]`, `validate`/`enum`, `required`);
 * unknown attributes are dropped unless `saveUnknown` is set and the schema keeps them. `fromDynamo`: read as
 * stored (`modifiers: ["get"]` runs `get`), then checked; `toDynamo`: given back as read (`customTypesDynamo` /
 * `mapAttributes`: in stored form).
 */
export async function conformObject(
  schema: Schema,
  object: Record<string, unknown>,
  settings: ItemConformSettings,
  isNew: boolean,
): Promise<Record<string, unknown>> {
  const plan = schema.plan;
  const steps = stepsOf(settings, isNew);
  if ((settings.type ?? "toDynamo") === "fromDynamo") {
    const map = storedFormOf(object);
    const read = await plan.readChosen(map, settings.modifiers?.includes("get") === true);
    const changes = steps.defaults || steps.combine || steps.set;
    const given = (result: Record<string, unknown>) => (settings.customTypesDynamo ? result : keepGivenDates(schema.root, result, object));
    if (settings.typeCheck === false && !steps.validate && !steps.enum && !steps.checkRequired && !changes) return given(read);
    // The stored values are checked (defaulted, combined) as a write would; else the values read are given back.
    const checked = await plan.readChosen(await plan.conformSteps(mapToObject(map, ""), { ...steps, timestamps: false }), false);
    return given(changes ? checked : keepKnown(read, checked));
  }
  const any = steps.defaults || steps.timestamps || steps.combine || steps.set || steps.validate || steps.enum || steps.checkRequired;
  if (settings.typeCheck === false && !any) return { ...object };
  const map = await plan.conformSteps(settings.mapAttributes ? mapAliases(schema, object) : object, steps);
  return settings.customTypesDynamo || settings.mapAttributes ? mapToObject(map, "") : plan.readChosen(map, false);
}

/**
 * `object` with the schema's aliases (`map`) renamed to their attributes (Dynamoose's `mapAttributes`); an alias
 * given beside its attribute is refused.
 */
function mapAliases(schema: Schema, object: Record<string, unknown>): Record<string, unknown> {
  const out = { ...object };
  for (const attribute of schema.root.attributes) {
    for (const alias of attribute.aliases) {
      if (out[alias] === undefined) continue;
      if (out[attribute.name] !== undefined) {
        throw new InvalidParameter(`Cannot map attribute ${alias} to ${attribute.name} because both are defined.`, {
          code: "alias_conflict",
          path: attribute.name,
        });
      }
      defineOwn(out, attribute.name, out[alias]);
      delete out[alias];
    }
  }
  return out;
}

/** The attributes of `read` that `checked` kept (unknown attributes dropped by the check are dropped). */
function keepKnown(read: Record<string, unknown>, checked: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(read)) if (Object.hasOwn(checked, key)) out[key] = read[key];
  return out;
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
