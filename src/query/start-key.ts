/**
 * Start keys in and last keys out: `startAt(key)` accepts what `lastKey` gives (plain values) or a DynamoDB
 * `AttributeValue` map; on an index the key holds the index keys as well as the table keys. After
 * `parallel(n)`, `startAt()` also takes the array a parallel scan's `lastKey` holds: one key per segment.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { convertToAttr, unmarshall } from "@aws-sdk/util-dynamodb";
import { InvalidParameter, InvalidParameterType, describeType } from "../errors.js";
import { type ValueEncoder, looksLikeAttributeValue, parsePath } from "../expression/index.js";
import { checkKeyValues } from "../schema/key-limits.js";
import type { Schema } from "../schema/schema.js";
import type { Operation } from "./operation.js";
import type { SegmentKeys } from "./response.js";
import type { RetrieverSettings } from "./settings.js";

/** A DynamoDB key (`ExclusiveStartKey`/`LastEvaluatedKey`). */
export type StoredKey = Record<string, AttributeValue>;

const isStoredScalar = (v: unknown): boolean =>
  typeof v === "string" || typeof v === "number" || typeof v === "bigint" || v instanceof Uint8Array;

/**
 * Marshals a start key: `AttributeValue`s are kept, stored scalars (what `lastKey` holds) are converted as they
 * are, anything else (a `Date`) goes through the schema encoder; aliases are mapped to attribute names. `path`
 * names the key in errors (`startAt[2]` for a segment's key).
 *
 * @example
 * ```ts
 * toStartKey(schema, encoder, { id: "a", sk: 3 }); // { id: { S: "a" }, sk: { N: "3" } }
 * ```
 */
export function toStartKey(schema: Schema, encode: ValueEncoder, key: Readonly<Record<string, unknown>>, path = "startAt"): StoredKey {
  if (key === null || typeof key !== "object" || Array.isArray(key)) {
    const message =
      path === "startAt"
        ? `startAt() takes a key object (such as a result's lastKey), not ${describeType(key)}.`
        : `startAt() takes a key object or undefined for each segment (a parallel scan's lastKey), but ${path} is ${describeType(key)}.`;
    throw new InvalidParameterType(message, {
      code: "invalid_start_key",
      path,
      expected: "object",
      received: describeType(key),
    });
  }
  const out: StoredKey = {};
  for (const [name, value] of Object.entries(key)) {
    const attribute = schema.attribute(name)?.name ?? name;
    out[attribute] = looksLikeAttributeValue(value)
      ? value
      : isStoredScalar(value)
        ? convertToAttr(value)
        : encode(parsePath(attribute), value);
  }
  checkKeyValues(out, schema.hashKey, schema.rangeKey);
  return out;
}

/**
 * Unmarshals a `LastEvaluatedKey` into plain values (`undefined` stays `undefined`).
 *
 * @example
 * ```ts
 * fromStoredKey({ id: { S: "a" } }); // { id: "a" }
 * ```
 */
export function fromStoredKey(key: StoredKey | undefined): Record<string, unknown> | undefined {
  return key === undefined ? undefined : unmarshall(key);
}

/**
 * Whether `startAt()` got one key per segment (an array) rather than one key.
 *
 * @example
 * ```ts
 * isSegmentKeys([{ id: "a" }, undefined]); // true
 * ```
 */
export function isSegmentKeys(startAt: RetrieverSettings["startAt"]): startAt is SegmentKeys {
  return Array.isArray(startAt);
}

/**
 * The `ExclusiveStartKey` of the request: the key `startAt()` got, converted; none without a key or with one key
 * per segment (each segment's request then carries its own, see {@link segmentStartKeys}).
 *
 * @example
 * ```ts
 * requestStartKey(schema, encoder, { id: "a" }); // { id: { S: "a" } }
 * ```
 */
export function requestStartKey(schema: Schema, encode: ValueEncoder, startAt: RetrieverSettings["startAt"]): StoredKey | undefined {
  return startAt === undefined || isSegmentKeys(startAt) ? undefined : toStartKey(schema, encode, startAt);
}

/**
 * The start key of each segment when `startAt()` got the `lastKey` array of a parallel scan, each converted as
 * {@link toStartKey} does; `undefined` for a finished segment (it is not read again), `null` for one read from its
 * beginning, and `undefined` in place of
 * the whole array when `startAt()` got one key or none. Throws `InvalidParameter` (code `invalid_start_key`) for an
 * array on a query, on a scan without `parallel(n)`, or with a length other than `n`.
 *
 * @example
 * ```ts
 * segmentStartKeys(schema, encoder, "scan", { ...settings, segments: 2, startAt: [{ id: "a" }, undefined] });
 * // [{ id: { S: "a" } }, undefined]
 * ```
 */
export function segmentStartKeys(
  schema: Schema,
  encode: ValueEncoder,
  operation: Operation,
  settings: Pick<RetrieverSettings, "startAt" | "segments">,
): SegmentStarts | undefined {
  const { startAt, segments } = settings;
  if (!isSegmentKeys(startAt)) return undefined;
  checkSegmentCount(operation, startAt.length, segments);
  return startAt.map((key, segment) => (key === undefined || key === null ? key : toStartKey(schema, encode, key, `startAt[${segment}]`)));
}

/** Where each segment of a parallel scan starts: after a key, at its beginning (`null`), or not at all (`undefined`: finished). */
export type SegmentStarts = readonly (StoredKey | null | undefined)[];

/** Refuses segment keys that do not fit the operation and its `parallel(n)`. */
function checkSegmentCount(operation: Operation, count: number, segments: number | undefined): void {
  const refuse = (message: string, expected: string): never => {
    throw new InvalidParameter(message, { code: "invalid_start_key", path: "startAt", expected, received: `${count} segment keys` });
  };
  if (operation === "query") {
    refuse(
      `startAt() got ${count} segment keys, but a query takes one key (its result's lastKey): only a parallel scan resumes from one key per segment.`,
      "one key object",
    );
  }
  if (segments === undefined) {
    refuse(
      `startAt() got ${count} segment keys, but the scan has no parallel(n): call parallel(${count}) to resume a parallel scan, or pass one key.`,
      `parallel(${count})`,
    );
  }
  if (count !== segments) {
    refuse(`startAt() got ${count} segment keys but parallel(${segments}) has ${segments} segments.`, `${segments} segment keys`);
  }
}
