/**
 * Schema-free conversion of DynamoDB AttributeValues back to JavaScript values (numbers as numbers, sets as `Set`,
 * binaries as `Buffer`). Unlike the SDK's `unmarshall` it keeps a key named `__proto__` as an own property.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { defineOwn } from "./own-properties.js";
import { parseNumber } from "./parse-number.js";

/** Converts an AttributeValue back to a plain JavaScript value (numbers as numbers, sets as `Set`, binaries as `Buffer`). */
export function fromGenericAttributeValue(value: AttributeValue, path: string): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return parseNumber(value.N, path);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.M !== undefined) return mapToObject(value.M, path);
  if (value.L !== undefined) return value.L.map((item, i) => fromGenericAttributeValue(item, `${path}.${i}`));
  if (value.SS !== undefined) return new Set(value.SS);
  if (value.NS !== undefined) return new Set(value.NS.map((n) => parseNumber(n, path)));
  if (value.B !== undefined) return toBuffer(value.B);
  if (value.BS !== undefined) return new Set(value.BS.map(toBuffer));
  return undefined;
}

/** Converts a map AttributeValue's contents to a plain object. */
export function mapToObject(map: Record<string, AttributeValue>, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(map)) {
    const value = map[key];
    // The SDK's response parser keeps an attribute named __proto__ as a key with an undefined value.
    if (value !== undefined) defineOwn(out, key, fromGenericAttributeValue(value, path === "" ? key : `${path}.${key}`));
  }
  return out;
}

/** Wraps a Uint8Array as a Buffer without copying. */
export function toBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
