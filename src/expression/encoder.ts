/**
 * How user values become DynamoDB `AttributeValue`s inside expressions.
 *
 * @module
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { toGenericAttributeValue } from "../marshal/to-attribute-value.js";
import { type Path, pathToString } from "./path.js";

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

/**
 * The schema-less encoder: the generic conversion a value of an undeclared attribute gets
 * (`toGenericAttributeValue`): a `Date` as epoch milliseconds (a `Date` attribute's default stored form), Sets, lists
 * and maps at any depth, `undefined` as `NULL`.
 *
 * @example
 * ```ts
 * defaultEncoder(parsePath("age"), 3); // { N: "3" }
 * defaultEncoder([], new Date(5)); // { N: "5" }
 * ```
 */
export const defaultEncoder: ValueEncoder = (path, value) => toGenericAttributeValue(value, pathToString(path)) ?? { NULL: true };

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
