/**
 * The UpdateItem input of compiled update actions and a condition, one registry for both expressions; what
 * `updateParams` builds and a resend that creates missing parent maps rebuilds.
 *
 * @module
 * @internal
 */
import type { UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import type { Key } from "../bind/keys.js";
import { type ConditionNode, ExpressionRegistry, type UpdateAction, compileCondition, compileUpdate } from "../expression/index.js";
import { checkUpdateValuesSize } from "./item-size.js";
import type { ModelFacts } from "./model-port.js";
import type { UpdateSettings } from "./settings.js";

/** The UpdateItem input of these actions and condition (`returnOld`: the stored item on a failed condition). */
export function updateInput(
  model: ModelFacts,
  Key: Key,
  actions: readonly UpdateAction[],
  condition: ConditionNode | undefined,
  settings: UpdateSettings,
  returnOld: boolean,
): UpdateItemCommandInput {
  const registry = new ExpressionRegistry();
  // Compiled straight into the request's registry (conditionParams would copy its maps for nothing).
  const ConditionExpression = condition ? compileCondition(condition, registry, model.encoder) : undefined;
  const UpdateExpression = compileUpdate(actions, registry, model.encoder);
  // Assigned field by field, in the order the request always had.
  const input: UpdateItemCommandInput = { Key, TableName: model.table().name, UpdateExpression };
  if (ConditionExpression) input.ConditionExpression = ConditionExpression;
  const { ExpressionAttributeNames, ExpressionAttributeValues } = registry.toParams();
  if (ExpressionAttributeNames) input.ExpressionAttributeNames = ExpressionAttributeNames;
  if (ExpressionAttributeValues) {
    checkUpdateValuesSize(ExpressionAttributeValues, model.name);
    input.ExpressionAttributeValues = ExpressionAttributeValues;
  }
  input.ReturnValues = settings.returnValues ?? "ALL_NEW";
  if (returnOld) input.ReturnValuesOnConditionCheckFailure = "ALL_OLD";
  return input;
}
