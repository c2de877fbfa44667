/**
 * Where an update marker applies, and the refusal of a marker on an attribute of another type.
 *
 * @module
 * @internal
 */
import { TypeMismatch } from "../../errors.js";
import type { Path } from "../../expression/index.js";
import type { AttributeNode } from "../../schema/nodes.js";
import type { UpdateOperation } from "../../update-operations.js";

/** Where an operation applies: the path (root as stored), its dotted text and the schema attribute, if any. */
export interface OperationTarget {
  readonly path: Path;
  readonly text: string;
  readonly node: AttributeNode | undefined;
}

/** Refuses a marker on an attribute none of whose types (`kinds`) it applies to. */
export function checkKinds(op: UpdateOperation, target: OperationTarget, kinds: readonly string[], expected: string): void {
  const { node } = target;
  if (!node || node.types.some((type) => kinds.includes(type.kind))) return;
  const received = [...new Set(node.types.map((type) => type.kind))].join(" or ");
  throw new TypeMismatch(`update.${op.kind} can not be used on ${target.text}: it is a ${received}, not a ${expected}.`, {
    code: "type_mismatch",
    path: target.text,
    expected,
    received,
  });
}
