/**
 * Turns the update operation markers (`update.ifNotExists/increment/decrement/append/prepend`) into `SET` actions,
 * their values passed through the attribute's schema; misuse is refused before sending, naming the path.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { type Issue, InvalidParameter, TypeMismatch } from "../errors.js";
import { isUpdateOperation, operand, type Path, type UpdateAction, type UpdateOperation, updateAction } from "../expression/index.js";
import { checkNesting } from "../marshal/nesting.js";
import { toGenericAttributeValue } from "../marshal/to-attribute-value.js";
import type { AttributeNode } from "../schema/nodes.js";
import type { Schema } from "../schema/schema.js";
import type { SerializeContext } from "../schema/serialize.js";
import { serializerOf } from "../bind/schema-encoder.js";

/** Where an operation applies: the path (root as stored), its dotted text and the schema attribute, if any. */
export interface OperationTarget {
  readonly path: Path;
  readonly text: string;
  readonly node: AttributeNode | undefined;
}

const ZERO: AttributeValue = Object.freeze({ N: "0" }) as AttributeValue;
const EMPTY_LIST: AttributeValue = Object.freeze({ L: [] }) as unknown as AttributeValue;

const kindsOf = (node: AttributeNode): Set<string> => new Set(node.types.map((type) => type.kind));

function mismatch(op: UpdateOperation, target: OperationTarget, expected: string): TypeMismatch {
  const received = target.node ? [...kindsOf(target.node)].join(" or ") : "unknown";
  return new TypeMismatch(`update.${op.kind} can not be used on ${target.text}: it is a ${received}, not a ${expected}.`, {
    code: "type_mismatch",
    path: target.text,
    expected,
    received,
  });
}

/** The `SET` action of one operation; undefined when its value has issues (collected in `issues`). */
export async function operationAction(
  schema: Schema,
  target: OperationTarget,
  op: UpdateOperation,
  issues: Issue[],
): Promise<UpdateAction | undefined> {
  const { path, text, node } = target;
  const context: SerializeContext = { issues, pending: undefined, checkRequired: false };
  switch (op.kind) {
    case "ifNotExists": {
      let encoded: AttributeValue | undefined;
      if (node) {
        const value = node.set && op.value !== null ? await node.set(op.value) : op.value;
        encoded = serializerOf(schema, node, path)(value, text, { ...context, checkRequired: true });
      } else {
        encoded = toGenericAttributeValue(op.value, text);
      }
      return encoded && updateAction.setTo(path, { kind: "if_not_exists", path, value: operand.attributeValue(encoded) });
    }
    case "increment":
    case "decrement": {
      if (node && !["number", "bigint", "any"].some((kind) => kindsOf(node).has(kind))) throw mismatch(op, target, "number");
      const by = node ? serializerOf(schema, node, path)(op.by, text, context) : { N: String(op.by) };
      if (!by) return undefined;
      const start = { kind: "if_not_exists", path, value: operand.attributeValue(ZERO) } as const;
      const amount = operand.attributeValue(by);
      return updateAction.setTo(path, op.kind === "increment" ? updateAction.plus(start, amount) : updateAction.minus(start, amount));
    }
    case "append":
    case "prepend": {
      if (node && !["array", "any"].some((kind) => kindsOf(node).has(kind))) throw mismatch(op, target, "list");
      const list = await encodeElements(schema, target, op.values, context);
      if (!list) return undefined;
      const start = { kind: "if_not_exists", path, value: operand.attributeValue(EMPTY_LIST) } as const;
      const values = operand.attributeValue(list);
      return updateAction.setTo(
        path,
        op.kind === "append" ? updateAction.listAppend(start, values) : updateAction.listAppend(values, start),
      );
    }
    default:
      return op satisfies never;
  }
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

/**
 * Refuses an operation marker anywhere but as the whole value of a plain property or `$SET` entry: inside an
 * object or array value (where it would be stored as data), or in `$ADD`/`$DELETE`/`$REMOVE`. A value nested past
 * DynamoDB's 32 levels (`level` is a map's or list's level, 2 for a top-level attribute) is refused on the way.
 */
export function refuseNestedOperations(value: unknown, text: string, where?: string, level = 2): void {
  if (isUpdateOperation(value)) {
    throw new InvalidParameter(
      where
        ? `update.${value.kind} on ${text} can not be used in ${where}; pass it as a plain property or in $SET.`
        : `update.${value.kind} at ${text} is inside another value; give it its own path instead ({ "${text}": update.${value.kind}(...) }).`,
      { code: "misplaced_update_operation", path: text },
    );
  }
  if (Array.isArray(value)) {
    checkNesting(level, text);
    for (const [i, element] of value.entries()) refuseNestedOperations(element, `${text}.${i}`, undefined, level + 1);
  } else if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    checkNesting(level, text);
    for (const [key, element] of Object.entries(value)) refuseNestedOperations(element, `${text}.${key}`, undefined, level + 1);
  }
}
