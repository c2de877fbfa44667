/**
 * What `new Table(name, models)` refuses, with Dynamoose's messages: a missing or non-string name, no models, a model
 * bound to another table, models whose keys differ, two models with one entity tag.
 *
 * @module
 * @internal
 */
import { InvalidParameter, InvalidParameterType } from "../errors.js";
import type { Schema } from "../schema/schema.js";
import { type EntityTag, checkEntityTags } from "../store/entity.js";

/** What these checks read of a model. */
interface CheckedModel {
  readonly name: string;
  readonly schemas: readonly Schema[];
  readonly boundTable: object | undefined;
  readonly Model: { readonly entity?: EntityTag | undefined };
}

const isModelLike = (value: unknown): boolean =>
  typeof value === "function" && typeof (value as { bindTable?: unknown }).bindTable === "function";

/** Refuses a table name or model list Dynamoose refuses. */
export function checkTableArguments(name: unknown, models: unknown): void {
  if (name === undefined || name === null || name === "")
    throw new InvalidParameter("Name must be passed into table constructor.", { code: "invalid_table" });
  if (typeof name !== "string")
    throw new InvalidParameterType("Table name must be a string.", { code: "invalid_table", received: typeof name });
  if (models === undefined) throw new InvalidParameter("Models must be passed into table constructor.", { code: "invalid_table" });
  if (!Array.isArray(models) || models.length === 0 || !models.every(isModelLike)) {
    throw new InvalidParameterType("Models passed into table constructor should be an array of models.", { code: "invalid_table" });
  }
}

/** Refuses models bound to another table than `table`, with keys unlike the first model's, or sharing an entity tag. */
export function checkTableModels(table: object, models: readonly CheckedModel[]): void {
  for (const model of models) {
    if (model.boundTable && model.boundTable !== table) {
      throw new InvalidParameter(`Model ${model.name} has already been assigned to a table.`, { code: "invalid_table" });
    }
  }
  const [first, ...rest] = models;
  const firstSchema = first?.schemas[0];
  for (const model of rest) {
    for (const schema of model.schemas) {
      if (schema.hashKey !== firstSchema?.hashKey)
        throw new InvalidParameter("hashKey's for all models must match.", { code: "invalid_table" });
      if (schema.rangeKey !== firstSchema?.rangeKey)
        throw new InvalidParameter("rangeKey's for all models must match.", { code: "invalid_table" });
    }
  }
  checkEntityTags(models);
}
