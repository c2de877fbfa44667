/**
 * Running an attribute's `validate` (a function, sync or async, a RegExp, or a value to equal) and reporting what
 * it refuses, as Dynamoose words it (naming the value's type, never the value).
 *
 * @module
 * @internal
 */
import { describeRejected, describeType, describeValue } from "../errors.js";
import type { SerializeContext } from "./serialize-context.js";

function validationIssue(context: SerializeContext, path: string, value: unknown, detail: string): void {
  context.issues.push({
    code: "validate",
    path,
    received: describeRejected(value),
    message: `${path} with a value of type ${describeRejected(value)} had a validation error when trying to save the item${detail}.`,
  });
}

/** Runs `validate` on a present value; an async validator's result is awaited through `context.pending`. */
export function runValidator(validate: unknown, value: unknown, path: string, context: SerializeContext): void {
  if (validate instanceof RegExp) {
    if (typeof value !== "string") {
      context.issues.push({
        code: "validate",
        path,
        expected: "string",
        received: describeType(value),
        message: `Trying to pass in ${describeType(value)} to a RegExp validator for key: ${path}.`,
      });
    } else {
      validate.lastIndex = 0;
      if (!validate.test(value)) validationIssue(context, path, value, ` (must match ${String(validate)})`);
    }
    return;
  }
  if (typeof validate === "function") {
    const result: unknown = validate(value);
    if (result !== null && typeof result === "object" && typeof (result as Promise<unknown>).then === "function") {
      (context.pending ??= []).push(
        (result as Promise<unknown>).then((ok) => {
          if (!ok) validationIssue(context, path, value, "");
        }),
      );
    } else if (!result) validationIssue(context, path, value, "");
    return;
  }
  if (validate !== value) validationIssue(context, path, value, ` (must equal ${describeValue(validate)})`);
}
