/**
 * `update.append(list)` / `update.prepend(list)`: `SET #p = list_append(if_not_exists(#p, :empty), :list)` (or the
 * other way round), so an absent list starts empty; the elements go through the list's element type.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { operand, type UpdateAction, updateAction } from "../../expression/index.js";
import { toGenericAttributeValue } from "../../marshal/to-attribute-value.js";
import type { Schema } from "../../schema/schema.js";
import type { SerializeContext } from "../../schema/serialize.js";
import type { AppendOperation, PrependOperation } from "../../update-operations.js";
import { serializerOf } from "../schema-encoder.js";
import { checkKinds, type OperationTarget } from "./target.js";

const EMPTY_LIST: AttributeValue = Object.freeze({ L: [] }) as unknown as AttributeValue;

/** The `SET` of one append or prepend; undefined when an element has issues (collected in `context`). */
export async function appendAction(
  schema: Schema,
  target: OperationTarget,
  op: AppendOperation | PrependOperation,
  context: SerializeContext,
): Promise<UpdateAction | undefined> {
  checkKinds(op, target, ["array", "any"], "list");
  const list = await encodeElements(schema, target, op.values, context);
  if (!list) return undefined;
  const start = { kind: "if_not_exists", path: target.path, value: operand.attributeValue(EMPTY_LIST) } as const;
  const values = operand.attributeValue(list);
  return updateAction.setTo(
    target.path,
    op.kind === "append" ? updateAction.listAppend(start, values) : updateAction.listAppend(values, start),
  );
}

/** Elements through the list's element type (its `set` transform, type, `validate`, `enum`), as one `L` value. */
async function encodeElements(
  schema: Schema,
  target: OperationTarget,
  values: readonly unknown[],
  context: SerializeContext,
): Promise<AttributeValue | undefined> {
  const list = target.node?.types.find((type) => type.kind === "array");
  const element = list?.kind === "array" ? list.element : undefined;
  if (!element) return toGenericAttributeValue([...values], target.text);
  const mark = context.issues.length;
  const encoded: AttributeValue[] = [];
  for (const [i, raw] of values.entries()) {
    const value = element.set && raw !== null ? await element.set(raw) : raw;
    const item = serializerOf(schema, element, [...target.path, { kind: "index", index: i }])(value, `${target.text}.${i}`, {
      ...context,
      checkRequired: true,
    });
    if (item) encoded.push(item);
  }
  return context.issues.length === mark ? { L: encoded } : undefined;
}
