/**
 * Entity tags: an attribute (e.g. `_type`) that each model of a shared table writes on every item, so that a
 * stored item read back through any model, or through the table, becomes an item of the model that wrote it.
 *
 * @module
 */
import { InvalidParameter, InvalidParameterType, describeType } from "../errors.js";

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
export function checkEntityTags(
  models: readonly { readonly name: string; readonly Model: { readonly entity?: EntityTag | undefined } }[],
): void {
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
