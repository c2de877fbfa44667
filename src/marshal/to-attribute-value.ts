/**
 * Schema-free conversion of JavaScript values to DynamoDB AttributeValues, used for `ANY`, Objects and Arrays
 * without a schema, `saveUnknown` attributes and condition values of unknown paths. Unlike the SDK's `marshall` it
 * accepts an own key named `constructor` and never lets `__proto__` replace a prototype.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { checkNesting } from "./nesting.js";
import { bigintToString, mismatch, numberToString } from "./numbers.js";
import { defineOwn } from "./own-properties.js";

/**
 * Converts any supported JavaScript value; `undefined` inside objects is skipped; returns undefined for `undefined`.
 * `level` is the nesting level a map or list would have here (2 for a top-level attribute): deeper than
 * DynamoDB's 32 levels is refused with `LimitExceeded` before going further (no deep recursion).
 */
export function toGenericAttributeValue(value: unknown, path: string, level = 2): AttributeValue | undefined {
  switch (typeof value) {
    case "string":
      return { S: value };
    case "number":
      return { N: numberToString(value, path) };
    case "bigint":
      return { N: bigintToString(value, path) };
    case "boolean":
      return { BOOL: value };
    case "undefined":
      return undefined;
    case "object":
      break;
    default:
      throw mismatch(path, "a value DynamoDB can store", value);
  }
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) {
    checkNesting(level, path);
    const list: AttributeValue[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = toGenericAttributeValue(value[i], `${path}.${i}`, level + 1);
      list.push(item ?? { NULL: true });
    }
    return { L: list };
  }
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) throw mismatch(path, "valid Date", value);
    return { N: String(time) };
  }
  if (value instanceof Uint8Array) return { B: value };
  if (value instanceof ArrayBuffer) return { B: new Uint8Array(value) };
  if (value instanceof Set) return setToAttributeValue(value, path);
  if (value instanceof Map) return objectToMap(Object.fromEntries(value), path, level);
  return objectToMap(value as Record<string, unknown>, path, level);
}

function objectToMap(value: Record<string, unknown>, path: string, level: number): AttributeValue {
  checkNesting(level, path);
  const map: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const item = toGenericAttributeValue(value[key], path === "" ? key : `${path}.${key}`, level + 1);
    if (item !== undefined) defineOwn(map, key, item);
  }
  return { M: map };
}

function setToAttributeValue(value: Set<unknown>, path: string): AttributeValue | undefined {
  if (value.size === 0) return undefined;
  const first = value.values().next().value;
  if (typeof first === "string") return { SS: [...value].map((v) => (typeof v === "string" ? v : throwMismatch(path, "string set", v))) };
  if (typeof first === "number" || typeof first === "bigint") {
    return {
      NS: [...value].map((v) =>
        typeof v === "number"
          ? numberToString(v, path)
          : typeof v === "bigint"
            ? bigintToString(v, path)
            : throwMismatch(path, "number set", v),
      ),
    };
  }
  if (first instanceof Uint8Array)
    return { BS: [...value].map((v) => (v instanceof Uint8Array ? v : throwMismatch(path, "binary set", v))) };
  throw mismatch(path, "a set of strings, numbers or binaries", first);
}

function throwMismatch(path: string, expected: string, value: unknown): never {
  throw mismatch(path, expected, value);
}
