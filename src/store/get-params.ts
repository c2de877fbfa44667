/**
 * The GetItem request of `Model.get` (what `{return: "request"}` resolves and `Model.transaction.get` carries).
 *
 * @module
 * @internal
 */
import type { GetItemCommandInput } from "@aws-sdk/client-dynamodb";
import { ExpressionRegistry, compileProjection } from "../expression/index.js";
import { keyOf } from "../bind/keys.js";
import type { ModelFacts } from "./model-port.js";
import type { GetSettings } from "./settings.js";

/** The GetItem input of `key`. */
export async function getParams(model: ModelFacts, key: unknown, settings: GetSettings = {}): Promise<GetItemCommandInput> {
  const input: GetItemCommandInput = { Key: await keyOf(model.schema, key), TableName: model.table().name };
  if (settings.consistent !== undefined && settings.consistent !== null) input.ConsistentRead = settings.consistent;
  if (settings.attributes) {
    const registry = new ExpressionRegistry();
    input.ProjectionExpression = compileProjection(settings.attributes, registry);
    Object.assign(input, registry.toParams());
  }
  return input;
}
