/**
 * The PutItem request of `item.save()` (what `{return: "request"}` resolves and `Model.transaction.create`
 * carries): the item as conformed, the next version, and the given, `overwrite: false` and version conditions.
 *
 * @module
 * @internal
 */
import type { PutItemCommandInput } from "@aws-sdk/client-dynamodb";
import { cond } from "../expression/index.js";
import { type Item, type SaveSettings, storedOf } from "../item/item.js";
import { allOf, conditionNode, conditionParams } from "../bind/conditions.js";
import type { Conformed, ModelFacts } from "./model-port.js";
import { carriedVersion, storedVersion, versionCondition } from "./versioning.js";

/** A PutItem input and what the save does after sending it. */
export interface SaveParams extends Conformed {
  readonly input: PutItemCommandInput;
  /** The version the stored item must have (`undefined`: none, or the item is new). */
  readonly expected: number | undefined;
}

/** The PutItem input of `item`, conformed as `conformed` (its version set in `conformed.map`). */
export function saveParams(model: ModelFacts, item: Item, conformed: Conformed, settings: SaveSettings): SaveParams {
  const { schema, map } = conformed;
  const version = model.versionName;
  const expected =
    version === undefined ? undefined : (carriedVersion(item, version) ?? storedVersion(storedOf(item) ?? undefined, version));
  if (version !== undefined) map[version] = { N: String((expected ?? 0) + 1) };
  const node = allOf(
    conditionNode(settings.condition, model.schema),
    settings.overwrite === false ? cond.attributeNotExists(schema.hashKey) : undefined,
    version === undefined ? undefined : versionCondition(version, expected),
  );
  const input: PutItemCommandInput = { Item: map, TableName: model.table().name, ...conditionParams(node, model.encoder) };
  if (version !== undefined) input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
  return { schema, map, input, expected };
}
