/**
 * Dynamoose's Item statics for DynamoDB JSON (`Item.objectToDynamo`, `Item.fromDynamo`, `Item.isDynamoObject`):
 * schema-free conversions through the configurable `aws.converter`, and the test whether an object looks like an
 * AttributeValue map.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { converter } from "../marshal/converter.js";
import { defineOwn } from "../marshal/own-properties.js";
import { toGenericAttributeValue } from "../marshal/to-attribute-value.js";
import type { AttributeMap } from "../schema/plan.js";

/** DynamoDB's type letters; `true` for the set types. */
const typeLetters = new Map<string, boolean>([
  ["S", false],
  ["N", false],
  ["B", false],
  ["BOOL", false],
  ["NULL", false],
  ["M", false],
  ["L", false],
  ["SS", true],
  ["NS", true],
  ["BS", true],
]);

/** Whether one value is an AttributeValue (a single type letter around a valid content). */
function isAttributeValue(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const keys = Object.keys(value);
  const letter = keys[0];
  const isSet = letter === undefined ? undefined : typeLetters.get(letter);
  if (keys.length !== 1 || isSet === undefined) return false;
  const inner: unknown = (value as Record<string, unknown>)[letter as string];
  if (typeof inner !== "object" || inner === null || inner instanceof Uint8Array) return true;
  if (Array.isArray(inner)) return inner.every((element) => isDynamoObject(element, true) === true) || isSet;
  return isDynamoObject(inner as Record<string, unknown>) !== false || isSet;
}

/**
 * Whether `object` is an AttributeValue map (`recursive`: whether it is one AttributeValue): `true`, `false`, or
 * `null` when it can not be told (an empty object). Dynamoose's `Item.isDynamoObject`.
 * @example `isDynamoObject({ id: { S: "a" } })` → `true`; `isDynamoObject({ id: "a" })` → `false`
 */
export function isDynamoObject(object: Record<string, unknown>, recursive = false): boolean | null {
  const keys = Object.keys(object);
  if (keys.length === 0) return null;
  return recursive ? isAttributeValue(object) : keys.every((key) => isAttributeValue(object[key]));
}

/** An object as an AttributeValue map (`undefined` values left out), or one value as an AttributeValue, by the converter. */
export function objectToDynamo(object: unknown, type: "object" | "value"): AttributeMap | AttributeValue | undefined {
  if (object === undefined) return undefined;
  const current = converter();
  if (type === "value") return current.convertToAttr(object);
  return current.marshall(object as Record<string, unknown>, { removeUndefinedValues: true }) as AttributeMap;
}

/** An AttributeValue map as a plain object, by the converter; binaries as `Buffer`. */
export function fromDynamo(object: AttributeMap): Record<string, unknown> {
  return toBuffers(converter().unmarshall(object)) as Record<string, unknown>;
}

/** Replaces `Uint8Array`s by `Buffer`s at any depth (in place, as Dynamoose does). */
function toBuffers(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toBuffers(value[i]);
  } else if (typeof value === "object" && value !== null && !(value instanceof Set)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = toBuffers(record[key]);
  }
  return value;
}

/** The stored form of a plain object, by the schema-free conversion (Dates as epoch milliseconds). */
export function storedFormOf(object: Record<string, unknown>): AttributeMap {
  const map: AttributeMap = {};
  for (const key of Object.keys(object)) {
    const value = toGenericAttributeValue(object[key], key);
    if (value !== undefined) defineOwn(map, key, value);
  }
  return map;
}
