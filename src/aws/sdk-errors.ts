/**
 * Gives DynamoDB's refusals context while keeping the SDK's error names (code written for Dynamoose catches
 * `ConditionalCheckFailedException` by name).
 *
 * @module
 * @internal
 */
import { ConditionalCheckFailed } from "../errors.js";

/** Wraps a failed condition in `ConditionalCheckFailed` (same `name`); other errors pass through untouched. */
export function describeSdkError(error: unknown, operation: string, model: string): unknown {
  if ((error as { name?: string } | null)?.name === "ConditionalCheckFailedException" && !(error instanceof ConditionalCheckFailed)) {
    return new ConditionalCheckFailed(`The condition of ${operation} on ${model} was not met (${(error as Error).message})`, {
      cause: error,
    });
  }
  return error;
}
