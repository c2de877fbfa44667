/**
 * Turns the problems collected while conforming an item into one thrown error.
 *
 * @module
 * @internal
 */
import { type Issue, TypeMismatch, ValidationError } from "../errors.js";

/** The error for a non-empty list of issues: a `TypeMismatch` when the first is a type problem, else a `ValidationError`. */
export function issuesError(issues: readonly Issue[]): TypeMismatch | ValidationError {
  const first = issues[0] as Issue;
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""}: ${issues
          .slice(1, 4)
          .map((issue) => issue.path)
          .join(", ")}${issues.length > 4 ? ", ..." : ""})`
      : "";
  const options = { code: first.code, path: first.path, expected: first.expected, received: first.received, issues };
  const message = `${first.message}${more}`;
  return first.code === "type_mismatch" || first.code === "number_precision"
    ? new TypeMismatch(message, options)
    : new ValidationError(message, options);
}
