/**
 * `update.increment(n)` / `update.decrement(n)`: `SET #p = if_not_exists(#p, :zero) ± :n`, so an absent attribute
 * starts from 0 (as `$ADD` does); only on a number (or `any`) attribute.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { operand, type UpdateAction, updateAction } from "../../expression/index.js";
import type { Schema } from "../../schema/schema.js";
import type { SerializeContext } from "../../schema/serialize.js";
import type { DecrementOperation, IncrementOperation } from "../../update-operations.js";
import { serializerOf } from "../schema-encoder.js";
import { checkKinds, type OperationTarget } from "./target.js";

const ZERO: AttributeValue = Object.freeze({ N: "0" }) as AttributeValue;

/** The `SET` of one increment or decrement; undefined when the amount has issues (collected in `context`). */
export function incrementAction(
  schema: Schema,
  target: OperationTarget,
  op: IncrementOperation | DecrementOperation,
  context: SerializeContext,
): UpdateAction | undefined {
  const { path, text, node } = target;
  checkKinds(op, target, ["number", "bigint", "any"], "number");
  const by = node ? serializerOf(schema, node, path)(op.by, text, context) : { N: String(op.by) };
  if (!by) return undefined;
  const start = { kind: "if_not_exists", path, value: operand.attributeValue(ZERO) } as const;
  const amount = operand.attributeValue(by);
  return updateAction.setTo(path, op.kind === "increment" ? updateAction.plus(start, amount) : updateAction.minus(start, amount));
}
