/**
 * Entity tags: an attribute (e.g. `_type`) that each model of a shared table writes on every item, so that a
 * stored item read back through any model, or through the table, becomes an item of the model that wrote it.
 *
 * @module
 */
import { InvalidParameter, InvalidParameterType, describeType } from "../errors.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";

/** A model's entity tag: `attribute` holds `value` (default: the model name) on every item the model writes. */
export interface EntityTag {
  readonly attribute: string;
  readonly value: string;
}

/**
 * The model option `entity`: an attribute name (the value is the model name), `true` (`"_type"`), or
 * `{attribute, value}`.
 *
 * @example
 * ```ts
 * dynamodel.model("User", userSchema, { tableName: "App", entity: "_type" }); // writes _type: "User"
 * dynamodel.model("Order", orderSchema, { tableName: "App", entity: { attribute: "kind", value: "ORDER" } });
 * ```
 */
export type EntityOption = boolean | string | { readonly attribute?: string; readonly value?: string };

/** What routing needs of a model: its tag and how it reads a stored item. @internal */
export interface StoredReader {
  readonly entity?: EntityTag | undefined;
  readonly schemas: readonly Schema[];
  fromStored(map: AttributeMap): Promise<unknown>;
}

/** The attribute of `entity: true`. */
export const defaultEntityAttribute = "_type";

/** Resolves the `entity` option of model `modelName`. @internal */
export function entityTag(modelName: string, option: EntityOption | undefined): EntityTag | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true) return { attribute: defaultEntityAttribute, value: modelName };
  if (typeof option === "string") {
    if (option === "")
      throw new InvalidParameter(`The entity attribute of model ${modelName} can not be empty.`, { code: "invalid_entity" });
    return { attribute: option, value: modelName };
  }
  if (typeof option !== "object" || option === null) {
    throw new InvalidParameterType(`The entity option of model ${modelName} must be a string, a boolean or {attribute, value}.`, {
      code: "invalid_entity",
      received: describeType(option),
    });
  }
  const attribute = option.attribute ?? defaultEntityAttribute;
  const value = option.value ?? modelName;
  if (typeof attribute !== "string" || attribute === "" || typeof value !== "string" || value === "") {
    throw new InvalidParameterType(`The entity option of model ${modelName} needs a non-empty attribute and value.`, {
      code: "invalid_entity",
    });
  }
  return { attribute, value };
}

/** Refuses two models of one table with the same tag. @internal */
export function checkEntityTags(models: readonly { readonly name: string; readonly Model: StoredReader }[]): void {
  const seen = new Map<string, string>();
  for (const model of models) {
    const tag = model.Model.entity;
    if (!tag) continue;
    const key = `${tag.attribute}\u0000${tag.value}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new InvalidParameter(`Models ${other} and ${model.name} use the same entity tag (${tag.attribute} = "${tag.value}").`, {
        code: "invalid_entity",
        path: tag.attribute,
      });
    }
    seen.set(key, model.name);
  }
}

/** The model whose entity tag the stored item carries, if any. @internal */
export function taggedOwner<R extends StoredReader>(readers: readonly R[], map: AttributeMap): R | undefined {
  for (const reader of readers) {
    const tag = reader.entity;
    if (tag && map[tag.attribute]?.S === tag.value) return reader;
  }
  return undefined;
}

/**
 * The model a stored item belongs to: the one whose tag it carries, else the one whose schemas know the most of
 * its attributes (the first on ties), as Dynamoose chooses. @internal
 */
export function ownerOfStored<R extends StoredReader>(readers: readonly R[], map: AttributeMap): R | undefined {
  const tagged = taggedOwner(readers, map);
  if (tagged) return tagged;
  let best: R | undefined;
  let bestScore = -1;
  const names = Object.keys(map);
  for (const reader of readers) {
    if (reader.entity && map[reader.entity.attribute] !== undefined) continue;
    const score = Math.max(...reader.schemas.map((schema) => names.filter((name) => schema.attribute(name)).length));
    if (score > bestScore) [best, bestScore] = [reader, score];
  }
  return best;
}
