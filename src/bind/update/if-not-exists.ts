/**
 * `update.ifNotExists(v)`: `SET #p = if_not_exists(#p, :v)`, the value through the attribute's `set` transform
 * and checks (schema-free on an unknown attribute).
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { operand, type UpdateAction, updateAction } from "../../expression/index.js";
import { toGenericAttributeValue } from "../../marshal/to-attribute-value.js";
import type { Schema } from "../../schema/schema.js";
import type { SerializeContext } from "../../schema/serialize.js";
import { transformValue } from "../../schema/hooks.js";
import type { IfNotExistsOperation } from "../../update-operations.js";
import { serializerOf } from "../schema-encoder.js";
import { checkSetKeyValue } from "./entry.js";
import type { OperationTarget } from "./target.js";

/** The `SET` of one `update.ifNotExists`; undefined when its value has issues (collected in `context`). */
export async function ifNotExistsAction(
  schema: Schema,
  { path, text, node }: OperationTarget,
  op: IfNotExistsOperation,
  context: SerializeContext,
): Promise<UpdateAction | undefined> {
  let encoded: AttributeValue | undefined;
  if (node) {
    const value = await transformValue(node, op.value);
    encoded = serializerOf(schema, node, path)(value, text, { ...context, checkRequired: true });
    if (encoded) checkSetKeyValue(schema, path, encoded);
  } else {
    encoded = toGenericAttributeValue(op.value, text);
  }
  return encoded && updateAction.setTo(path, { kind: "if_not_exists", path, value: operand.attributeValue(encoded) });
}
