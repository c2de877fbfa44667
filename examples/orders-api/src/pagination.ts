/**
 * Pagination: opaque cursors and page sizes. A cursor is a query's `lastKey`, bound to the listing it came from and
 * signed with HMAC-SHA256, so a client can neither forge nor alter one; a cursor that does not verify is refused
 * with 400 before any request is sent.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { HttpError } from "./http.js";

/** A key as dynamodel returns it in `lastKey` and takes in `startAt`. */
export type Key = Record<string, string | number>;

const secret = process.env.CURSOR_SECRET ?? (process.env.DYNAMODB_ENDPOINT ? randomBytes(32).toString("hex") : undefined);
if (!secret) throw new Error("The environment variable CURSOR_SECRET must hold the key that signs pagination cursors.");

const sign = (payload: string): Buffer => createHmac("sha256", secret).update(payload).digest();
const invalid = () =>
  new HttpError(400, "invalid_cursor", [{ path: "cursor", code: "invalid_cursor", expected: "a cursor returned by this listing" }]);

/** The cursor for `key` in listing `scope` (e.g. `"customer:c1"`); `undefined` when there is no next page. */
export function encodeCursor(scope: string, key: Key | undefined): string | undefined {
  if (key === undefined) return undefined;
  const payload = Buffer.from(JSON.stringify({ s: scope, k: key })).toString("base64url");
  return `${payload}.${sign(payload).toString("base64url")}`;
}

/** The key a cursor holds, if it was issued for `scope` and is intact; otherwise 400 `invalid_cursor`. */
export function decodeCursor(scope: string, cursor: string | undefined): Key | undefined {
  if (cursor === undefined) return undefined;
  const [payload, signature, more] = cursor.split(".");
  if (!payload || !signature || more !== undefined) throw invalid();
  const expected = sign(payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { s?: unknown; k?: unknown };
  if (decoded.s !== scope || typeof decoded.k !== "object" || decoded.k === null) throw invalid();
  return decoded.k as Key;
}

/** The `limit` query parameter: an integer from 1 to 100, 20 when absent; 400 otherwise. */
export function pageSize(value: string | undefined): number {
  if (value === undefined) return 20;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 100)
    throw new HttpError(400, "invalid_limit", [{ path: "limit", code: "range", expected: "an integer from 1 to 100" }]);
  return n;
}
