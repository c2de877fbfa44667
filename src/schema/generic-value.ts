/**
 * Schema-free conversion between JavaScript values and DynamoDB AttributeValues, used for `ANY`, Objects and
 * Arrays without a schema, `saveUnknown` attributes and condition values of unknown paths. Unlike the SDK's
 * `marshall`/`unmarshall` it accepts an own key named `constructor` and never lets `__proto__` replace a
 * prototype.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { TypeMismatch, describeType } from "../errors.js";

/** Sets `object[key] = value` as an own property, even for `__proto__`. */
export function defineOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** The found type in messages; a non-finite number or an invalid Date says so instead of "number" or "Date". */
export function describeReceived(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (value instanceof Date && Number.isNaN(value.getTime())) return "invalid Date";
  return describeType(value);
}

function mismatch(path: string, expected: string, value: unknown): TypeMismatch {
  const received = describeReceived(value);
  return new TypeMismatch(`Expected ${path} to be of type ${expected}, instead found type ${received}.`, {
    code: "type_mismatch",
    path,
    expected,
    received,
  });
}

/** Formats a finite number for DynamoDB's N type; refuses NaN and ±Infinity. */
export function numberToString(value: number, path: string): string {
  if (!Number.isFinite(value)) throw mismatch(path, "finite number", value);
  return String(value);
}

/** Converts any supported JavaScript value; `undefined` inside objects is skipped; returns undefined for `undefined`. */
export function toGenericAttributeValue(value: unknown, path: string): AttributeValue | undefined {
  switch (typeof value) {
    case "string":
      return { S: value };
    case "number":
      return { N: numberToString(value, path) };
    case "bigint":
      return { N: value.toString() };
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
    const list: AttributeValue[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = toGenericAttributeValue(value[i], `${path}.${i}`);
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
  if (value instanceof Map) return objectToMap(Object.fromEntries(value), path);
  return objectToMap(value as Record<string, unknown>, path);
}

function objectToMap(value: Record<string, unknown>, path: string): AttributeValue {
  const map: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const item = toGenericAttributeValue(value[key], path === "" ? key : `${path}.${key}`);
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
        typeof v === "number" ? numberToString(v, path) : typeof v === "bigint" ? v.toString() : throwMismatch(path, "number set", v),
      ),
    };
  }
  if (first instanceof Uint8Array) return { BS: [...value].map((v) => (v instanceof Uint8Array ? v : throwMismatch(path, "binary set", v))) };
  throw mismatch(path, "a set of strings, numbers or binaries", first);
}

function throwMismatch(path: string, expected: string, value: unknown): never {
  throw mismatch(path, expected, value);
}

/** Converts a stored number string to a JavaScript number, refusing to round silently. */
export function parseNumber(text: string, path: string): number {
  const value = Number(text);
  if (text.length > 15 && !numberRoundTrips(text, value)) {
    throw new TypeMismatch(
      `The stored number at ${path} (${text}) can not be held exactly by a JavaScript number; declare the attribute as BigInt to read it.`,
      { code: "number_precision", path, expected: "number", received: text },
    );
  }
  return value;
}

/** Whether `value` represents exactly the decimal `text` (compared as normalized decimals). */
function numberRoundTrips(text: string, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (normalizeDecimal(text) === normalizeDecimal(numberToPlain(value))) return true;
  // A long integer (2 ** 70) is exact even though JavaScript renders it differently.
  return Number.isInteger(value) && /^-?\d+$/.test(text) && BigInt(value) === BigInt(text);
}

function numberToPlain(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString("en-US", { useGrouping: false, maximumSignificantDigits: 21 });
}

/** Normalizes a decimal string: sign, digits without leading/trailing zeros, and exponent. */
function normalizeDecimal(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return text;
  const sign = match[1] === "-" ? "-" : "";
  const intPart = match[2] ?? "";
  const fracPart = match[3] ?? "";
  let exponent = Number(match[4] ?? "0") + intPart.length;
  let digits = intPart + fracPart;
  const leading = digits.length - digits.replace(/^0+/, "").length;
  digits = digits.slice(leading);
  exponent -= leading;
  digits = digits.replace(/0+$/, "");
  if (digits === "") return "0";
  return `${sign}0.${digits}e${exponent}`;
}

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
