/**
 * Responses: JSON bodies and RFC 9457 problem bodies, and the error a route throws to answer with a problem.
 */
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

/** One problem with the request, naming the attribute and the rule (never the value received). */
export interface ProblemIssue {
  readonly path: string;
  readonly code: string;
  readonly expected?: string;
}

/** The JSON body of an error response (`application/problem+json`). */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly code: string;
  readonly issues?: readonly ProblemIssue[];
  readonly [extra: string]: unknown;
}

const titles: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
};

/** An error a route throws to answer with a problem body; everything else goes through the error mapping. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ProblemIssue[];
  readonly extra: Record<string, unknown>;

  constructor(status: number, code: string, issues: readonly ProblemIssue[] = [], extra: Record<string, unknown> = {}) {
    super(`${status} ${code}`);
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.extra = extra;
  }
}

/** A JSON response. */
export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/** A problem response. */
export function problem(
  status: number,
  code: string,
  issues: readonly ProblemIssue[] = [],
  extra: Record<string, unknown> = {},
): APIGatewayProxyStructuredResultV2 {
  const body: Problem = {
    type: "about:blank",
    title: titles[status] ?? "Error",
    status,
    code,
    ...(issues.length ? { issues } : {}),
    ...extra,
  };
  return { statusCode: status, headers: { "content-type": "application/problem+json" }, body: JSON.stringify(body) };
}

/** A response without a body. */
export const noContent = (): APIGatewayProxyStructuredResultV2 => ({ statusCode: 204 });
