/**
 * Every error a route can throw, turned into a status and a problem body. dynamodel's errors carry a stable `code`,
 * the attribute `path` and what was `expected`; the body repeats those and never the value received (nor a message,
 * a stack or DynamoDB's wording). Anything unexpected is a 500 that says nothing about the internals.
 */
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import dynamodel from "dynamodel";
import { HttpError, type ProblemIssue, problem } from "./http.js";

const { ConditionalCheckFailed, DynamodelError, LimitExceeded, TransactionCanceled, VersionConflict } = dynamodel.error;
const badInput = [
  dynamodel.error.ValidationError,
  dynamodel.error.TypeMismatch,
  dynamodel.error.InvalidParameter,
  dynamodel.error.InvalidParameterType,
  dynamodel.error.UnknownAttribute,
  dynamodel.error.InvalidFilterComparison,
];

type DynamodelError = InstanceType<typeof DynamodelError>;

function issuesOf(error: DynamodelError): ProblemIssue[] {
  const found = error.issues.length > 0 ? error.issues : [{ path: error.path ?? "", code: error.code, expected: error.expected }];
  return found.map(({ path, code, expected }) => (expected === undefined ? { path, code } : { path, code, expected }));
}

/** The response for an error thrown while serving a request. */
export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  if (error instanceof HttpError) return problem(error.status, error.code, error.issues, error.extra);
  if (error instanceof VersionConflict) {
    // A versioned update of an order that does not exist fails its version check with nothing stored.
    if (error.storedVersion === undefined && error.item === undefined) return problem(404, "not_found");
    return problem(409, "version_conflict", [], {
      expectedVersion: error.expectedVersion ?? null,
      currentVersion: error.storedVersion ?? null,
    });
  }
  if (error instanceof ConditionalCheckFailed) return problem(409, "condition_failed");
  if (error instanceof TransactionCanceled)
    return problem(409, "transaction_canceled", [], { failed: error.failed.map((reason) => ({ model: reason.model, code: reason.code })) });
  if (error instanceof LimitExceeded) return problem(413, error.code, issuesOf(error));
  if (error instanceof DynamodelError && badInput.some((type) => error instanceof type)) return problem(400, error.code, issuesOf(error));
  console.error(
    JSON.stringify({ level: "error", message: "unhandled error", name: (error as Error)?.name, code: (error as { code?: unknown })?.code }),
  );
  console.error(error);
  return problem(500, "internal_error");
}
