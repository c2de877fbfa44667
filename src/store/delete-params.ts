/**
 * The DeleteItem request of `Model.delete` (what `{return: "request"}` resolves and `Model.transaction.delete`
 * carries): the key, the given condition and, for a versioned model given the version, the version check.
 *
 * @module
 * @internal
 */
import type { DeleteItemCommandInput } from "@aws-sdk/client-dynamodb";
import { allOf, conditionNode, conditionParams } from "../bind/conditions.js";
import { keyOf } from "../bind/keys.js";
import type { ModelFacts } from "./model-port.js";
import type { DeleteSettings } from "./settings.js";
import { carriedVersion, versionCondition } from "./versioning.js";

/** A DeleteItem input and the version it checks. */
export interface DeleteParams {
  readonly input: DeleteItemCommandInput;
  /** The version the stored item must have, when the key carried one. */
  readonly expected: number | undefined;
}

/** The DeleteItem input of `key`. */
export async function deleteParams(model: ModelFacts, key: unknown, settings: DeleteSettings = {}): Promise<DeleteParams> {
  const version = model.versionName;
  const expected = version === undefined ? undefined : carriedVersion(key, version);
  const checked = version !== undefined && expected !== undefined;
  const input: DeleteItemCommandInput = {
    Key: await keyOf(model.schema, key),
    TableName: model.table().name,
    ...conditionParams(
      allOf(conditionNode(settings.condition, model.schema), checked ? versionCondition(version, expected) : undefined),
      model.encoder,
    ),
  };
  if (checked) input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
  return { input, expected };
}
