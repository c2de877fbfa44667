/**
 * `$DELETE`: elements (one value, an array or a Set) removed from a Set, on declared Set attributes and on unknown
 * attributes that `saveUnknown` keeps. Operands are type-checked, not validated (as in Dynamoose).
 *
 * @module
 * @internal
 */
import { type Issue, TypeMismatch } from "../../errors.js";
import { operand, type UpdateAction, updateAction } from "../../expression/index.js";
import type { Schema } from "../../schema/schema.js";
import { uncheckedSerializerOf } from "../schema-encoder.js";
import { isSingleSetElement } from "./add.js";
import { typeKinds, type UpdateEntry } from "./entry.js";
import type { UpdateRun } from "./run.js";

/** The action of one `$DELETE` entry; undefined when its value has issues (collected in `issues`) or is an empty Set. */
export function deleteAction(schema: Schema, del: UpdateEntry, issues: Issue[]): UpdateAction | undefined {
  const node = del.node;
  if (!node) return updateAction.delete(del.path, del.value);
  const kinds = typeKinds(schema, node);
  if (!kinds.has("set")) {
    throw new TypeMismatch(`$DELETE can only remove elements from a set; ${del.text} is not a set.`, {
      code: "type_mismatch",
      path: del.text,
      expected: "set",
    });
  }
  const value = isSingleSetElement(kinds, del.value) ? [del.value] : del.value;
  const encoded = uncheckedSerializerOf(schema, node, del.path)(value, del.text, { issues, pending: undefined, checkRequired: false });
  return encoded && { kind: "delete", path: del.path, value: operand.attributeValue(encoded) };
}

/** Builds the action of one `$DELETE` entry; on an attribute with a default it sets the default, forced or not (Dynamoose's `defaults` for `$DELETE`). */
export async function applyDelete(run: UpdateRun, del: UpdateEntry): Promise<void> {
  run.touched.add(del.text);
  if (del.node?.hasDefault) await run.setDefault(del, del.node);
  else if (run.writable(del)) run.push(deleteAction(run.schema, del, run.issues));
}
