/**
 * Request bodies, read defensively: a size cap, JSON only, no `__proto__`/`constructor`/`prototype` keys at any
 * depth, an object at the top, and no field the route does not know. Types and rules are left to the schemas.
 */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { HttpError } from "./http.js";

/** Bodies larger than this are refused with 413 before parsing (DynamoDB items are at most 400 KB anyway). */
export const maxBodyBytes = 64 * 1024;

const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);

/** A JSON object, as parsed (values not yet checked). */
export type JsonObject = Record<string, unknown>;

function rawBody(event: APIGatewayProxyEventV2): string {
  if (event.body === undefined || event.body === "") throw new HttpError(400, "missing_body");
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, "base64") : Buffer.from(event.body, "utf8");
  if (bytes.length > maxBodyBytes)
    throw new HttpError(413, "body_too_large", [{ path: "", code: "max_bytes", expected: `at most ${maxBodyBytes} bytes` }]);
  return bytes.toString("utf8");
}

function checkContentType(event: APIGatewayProxyEventV2): void {
  const type = event.headers["content-type"];
  if (type !== undefined && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError(415, "unsupported_media_type", [{ path: "", code: "content_type", expected: "application/json" }]);
  }
}

/** Whether `value` is a plain JSON object (not an array, not null). */
export const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** Refuses any field of `object` not in `allowed`, naming it (`path` is the object's own path, `""` at the top). */
export function onlyFields(object: JsonObject, allowed: readonly string[], path = ""): void {
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new HttpError(
      400,
      "unknown_field",
      unknown.map((key) => ({ path: path ? `${path}.${key}` : key, code: "unknown_field", expected: `one of ${allowed.join(", ")}` })),
    );
  }
}

/**
 * The body of `event` as a JSON object holding only `allowed` top-level fields.
 *
 * @example
 * ```ts
 * const body = jsonBody(event, ["name", "email"]); // 400 for `{"name": 1, "admin": true}` (admin), 413 past 64 KB
 * ```
 */
export function jsonBody(event: APIGatewayProxyEventV2, allowed: readonly string[]): JsonObject {
  checkContentType(event);
  const text = rawBody(event);
  let forbidden: string | undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, function (key, value) {
      if (forbiddenKeys.has(key) && Object.hasOwn(this, key)) forbidden ??= key;
      return value;
    });
  } catch {
    throw new HttpError(400, "invalid_json", [{ path: "", code: "invalid_json", expected: "a JSON object" }]);
  }
  if (forbidden !== undefined) throw new HttpError(400, "forbidden_key", [{ path: forbidden, code: "forbidden_key" }]);
  if (!isObject(parsed)) throw new HttpError(400, "invalid_body", [{ path: "", code: "type_mismatch", expected: "a JSON object" }]);
  onlyFields(parsed, allowed);
  return parsed;
}
