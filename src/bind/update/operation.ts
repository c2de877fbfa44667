/**
 * The update markers (`update.ifNotExists/increment/decrement/append/prepend`) turned into `SET` actions, one file
 * per marker; misuse is refused before sending, naming the path.
 *
 * @module
 * @internal
 */
import { type Issue, InvalidParameter } from "../../errors.js";
import type { UpdateAction } from "../../expression/index.js";
import { checkNesting } from "../../marshal/nesting.js";
import type { Schema } from "../../schema/schema.js";
import type { SerializeContext } from "../../schema/serialize.js";
import { isUpdateOperation, type UpdateOperation } from "../../update-operations.js";
import { appendAction } from "./append.js";
import { ifNotExistsAction } from "./if-not-exists.js";
import { incrementAction } from "./increment.js";
import type { OperationTarget } from "./target.js";

/** The `SET` action of one operation; undefined when its value has issues (collected in `issues`). */
export async function operationAction(
  schema: Schema,
  target: OperationTarget,
  op: UpdateOperation,
  issues: Issue[],
): Promise<UpdateAction | undefined> {
  const context: SerializeContext = { issues, pending: undefined, checkRequired: false };
  switch (op.kind) {
    case "ifNotExists":
      return ifNotExistsAction(schema, target, op, context);
    case "increment":
    case "decrement":
      return incrementAction(schema, target, op, context);
    case "append":
    case "prepend":
      return appendAction(schema, target, op, context);
    default:
      return op satisfies never;
  }
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
