/**
 * How user values become DynamoDB `AttributeValue`s inside expressions.
 *
 * @module
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { convertToAttr } from "@aws-sdk/util-dynamodb";
import type { Path } from "./path.js";

/**
 * Encodes a user value for the attribute at `path` (the model supplies one that applies the schema:
 * `set` transforms, Date -> number...). The compiler passes the path the value is compared with or written to.
 *
 * @example
 * ```ts
 * const encode: ValueEncoder = (path, value) => defaultEncoder(path, value instanceof Date ? value.getTime() : value);
 * ```
 */
export type ValueEncoder = (path: Path, value: unknown) => AttributeValue;

const CONVERT_OPTIONS = { removeUndefinedValues: true, convertClassInstanceToMap: true } as const;

/**
 * The schema-less encoder: `convertToAttr` from `@aws-sdk/util-dynamodb` with
 * `{removeUndefinedValues: true, convertClassInstanceToMap: true}`, after turning `Date`s (at any depth of lists,
 * maps and sets) into epoch milliseconds, a `Date` attribute's default stored form (`convertToAttr` alone would
 * send an empty map).
 *
 * @example
 * ```ts
 * defaultEncoder(parsePath("age"), 3); // { N: "3" }
 * defaultEncoder([], new Date(5)); // { N: "5" }
 * ```
 */
export const defaultEncoder: ValueEncoder = (_path, value) =>
  convertToAttr(typeof value === "object" && value !== null ? datesAsMilliseconds(value) : value, CONVERT_OPTIONS);

/** `value` with its `Date`s (in lists, plain maps and sets, at any depth) as epoch milliseconds; other values as they are. */
function datesAsMilliseconds(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(datesAsMilliseconds);
  if (value instanceof Set) return new Set([...value].map(datesAsMilliseconds));
  if (value === null || typeof value !== "object") return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) Object.defineProperty(out, key, { value: datesAsMilliseconds((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  return out;
}

const ATTRIBUTE_VALUE_KEYS: ReadonlySet<string> = new Set(["S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL"]);

/**
 * True when `value` has the shape of a DynamoDB `AttributeValue` (an object with exactly one of
 * `S N B SS NS BS M L NULL BOOL`). Used only for raw condition objects, whose values may be either.
 *
 * @example
 * ```ts
 * looksLikeAttributeValue({ S: "x" }); // true
 * looksLikeAttributeValue("x");        // false
 * ```
 */
export function looksLikeAttributeValue(value: unknown): value is AttributeValue {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && ATTRIBUTE_VALUE_KEYS.has(keys[0] ?? "");
}
