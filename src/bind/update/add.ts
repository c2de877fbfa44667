/**
 * `$ADD`: a number added to a number, elements (one value, an array or a Set) added to a Set, elements appended to a
 * List (`list_append(if_not_exists(list, []), values)`), on declared attributes and on unknown attributes that
 * `saveUnknown` keeps. As in Dynamoose, operands are type-checked but not validated (`validate` and `enum` describe the
 * stored value, which an `$ADD` does not know).
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { type Issue, TypeMismatch } from "../../errors.js";
import { operand, type UpdateAction, updateAction } from "../../expression/index.js";
import { toGenericAttributeValue } from "../../marshal/to-attribute-value.js";
import type { Schema } from "../../schema/schema.js";
import type { SerializeContext } from "../../schema/serialize.js";
import { uncheckedSerializerOf } from "../schema-encoder.js";
import { typeKinds, type UpdateEntry } from "./entry.js";
import type { UpdateRun } from "./run.js";

const EMPTY_LIST: AttributeValue = Object.freeze({ L: [] }) as unknown as AttributeValue;

/** `SET path = list_append(if_not_exists(path, []), list)`. */
function appendAction(add: UpdateEntry, list: AttributeValue): UpdateAction {
  return updateAction.setTo(
    add.path,
    updateAction.listAppend(
      { kind: "if_not_exists", path: add.path, value: operand.attributeValue(EMPTY_LIST) },
      operand.attributeValue(list),
    ),
  );
}

/** Whether a single value given to `$ADD`/`$DELETE` on a Set stands for a one-element Set. */
export function isSingleSetElement(kinds: ReadonlySet<string>, value: unknown): boolean {
  if (!kinds.has("set") || value instanceof Set || Array.isArray(value)) return false;
  return !(kinds.has("number") && typeof value === "number") && !(kinds.has("bigint") && typeof value === "bigint");
}

/** The action of one `$ADD` entry; undefined when its value has issues (collected in `issues`) or is an empty Set. */
export function addAction(schema: Schema, add: UpdateEntry, issues: Issue[]): UpdateAction | undefined {
  const node = add.node;
  if (!node) {
    if (!Array.isArray(add.value)) return updateAction.add(add.path, add.value);
    const list = toGenericAttributeValue(add.value, add.text);
    return list && appendAction(add, list);
  }
  const kinds = typeKinds(schema, node);
  const context: SerializeContext = { issues, pending: undefined, checkRequired: false };
  const serialize = uncheckedSerializerOf(schema, node, add.path);
  if (kinds.has("array")) {
    const list = serialize(Array.isArray(add.value) ? add.value : [add.value], add.text, { ...context, checkRequired: true });
    return list && appendAction(add, list);
  }
  if (kinds.has("number") || kinds.has("set") || kinds.has("bigint")) {
    const value = isSingleSetElement(kinds, add.value) ? [add.value] : add.value;
    const encoded = serialize(value, add.text, context);
    return encoded && { kind: "add", path: add.path, value: operand.attributeValue(encoded) };
  }
  throw new TypeMismatch(`$ADD can not be used on ${add.text}: it is a ${[...kinds].join(" or ")}, not a number, set or list.`, {
    code: "type_mismatch",
    path: add.text,
    expected: "number, set or list",
    received: [...kinds].join(", "),
  });
}

/** Builds the action of one `$ADD` entry (a forced default replaces it). */
export async function applyAdd(run: UpdateRun, add: UpdateEntry): Promise<void> {
  run.touched.add(add.text);
  if (run.writable(add) && !(await run.forced(add))) run.push(addAction(run.schema, add, run.issues));
}
