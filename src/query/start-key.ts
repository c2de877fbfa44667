/**
 * Start keys in and last keys out: `startAt(key)` accepts what `lastKey` gives (plain values) or a DynamoDB
 * `AttributeValue` map; on an index the key holds the index keys as well as the table keys.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { convertToAttr, unmarshall } from "@aws-sdk/util-dynamodb";
import { InvalidParameterType, describeType } from "../errors.js";
import { type ValueEncoder, looksLikeAttributeValue, parsePath } from "../expression/index.js";
import type { Schema } from "../schema/schema.js";

/** A DynamoDB key (`ExclusiveStartKey`/`LastEvaluatedKey`). */
export type StoredKey = Record<string, AttributeValue>;

const isStoredScalar = (v: unknown): boolean => typeof v === "string" || typeof v === "number" || typeof v === "bigint" || v instanceof Uint8Array;

/**
 * Marshals a start key: `AttributeValue`s are kept, stored scalars (what `lastKey` holds) are converted as they
 * are, anything else (a `Date`) goes through the schema encoder; aliases are mapped to attribute names.
 *
 * @example
 * ```ts
 * toStartKey(schema, encoder, { id: "a", sk: 3 }); // { id: { S: "a" }, sk: { N: "3" } }
 * ```
 */
export function toStartKey(schema: Schema, encode: ValueEncoder, key: Readonly<Record<string, unknown>>): StoredKey {
  if (key === null || typeof key !== "object" || Array.isArray(key)) {
    throw new InvalidParameterType(`startAt() takes a key object (such as a result's lastKey), not ${describeType(key)}.`, {
      code: "invalid_start_key",
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
