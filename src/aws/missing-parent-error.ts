/**
 * DynamoDB's refusal of a nested update path whose parent does not exist ("The document path provided in the update
 * expression is invalid for update"), recognized by `Model.update` (which then creates the parent) and by
 * transactions (which can not).
 *
 * @module
 * @internal
 */

/** Whether an error is DynamoDB's refusal of a nested path whose parent does not exist. */
export function isMissingParentError(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === "ValidationException" && typeof message === "string" && /document path/i.test(message);
}
