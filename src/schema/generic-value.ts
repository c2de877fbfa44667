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
import { LimitExceeded, TypeMismatch, describeType } from "../errors.js";

/** DynamoDB's deepest nesting: the item is level 1, a map or list in a top-level attribute level 2, and so on. */
export const MAX_NESTING_LEVELS = 32;

/** Refuses a map or list at nesting `level` (see {@link MAX_NESTING_LEVELS}) past DynamoDB's limit. */
export function checkNesting(level: number, path: string): void {
  if (level <= MAX_NESTING_LEVELS) return;
  throw new LimitExceeded(`The value of ${path} is nested deeper than DynamoDB's limit of ${MAX_NESTING_LEVELS} levels.`, {
    code: "nesting_too_deep",
    path,
    expected: `at most ${MAX_NESTING_LEVELS} levels`,
    received: `more than ${MAX_NESTING_LEVELS} levels`,
  });
}

/** Largest magnitude DynamoDB stores is 9.99…E+125 (38 nines): a double reaching 1E+126 overflows. */
const MAX_MAGNITUDE = 1e126;
/** Smallest non-zero magnitude DynamoDB stores. */
const MIN_MAGNITUDE = 1e-130;
const MAX_BIGINT = 10n ** 126n;

/** Whether a number can be stored as DynamoDB's N: finite, and zero or of magnitude from 1E-130 below 1E+126. */
export function isStorableNumber(value: unknown): value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  const magnitude = value < 0 ? -value : value;
  return magnitude === 0 || (magnitude >= MIN_MAGNITUDE && magnitude < MAX_MAGNITUDE);
}

/** Whether a bigint can be stored as DynamoDB's N (magnitude below 1E+126). */
export function isStorableBigint(value: bigint): boolean {
  return value < MAX_BIGINT && value > -MAX_BIGINT;
}

/** The expected type of an N attribute in messages. */
export const STORABLE_NUMBER = "number (finite, 0 or of magnitude 1E-130 to 9.9E+125)";

/**
 * `object[key]` when it is an own property, else undefined: a member of a polluted `Object.prototype`
 * (`Object.prototype.isAdmin = true` set by other code) is never read as data. Only present values pay the check.
 */
export function ownValue(object: Readonly<Record<string, unknown>>, key: string): unknown {
  const value = object[key];
  return value === undefined || Object.hasOwn(object, key) ? value : undefined;
}

/** Sets `object[key] = value` as an own property, even for `__proto__`. */
export function defineOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** The found type in messages; a non-finite number or an invalid Date says so instead of "number" or "Date". */
export function describeReceived(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "number" && !isStorableNumber(value)) return "number out of DynamoDB's range";
  if (typeof value === "bigint" && !isStorableBigint(value)) return "bigint out of DynamoDB's range";
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

/** Formats a number for DynamoDB's N type; refuses NaN, ±Infinity and magnitudes outside DynamoDB's range. */
export function numberToString(value: number, path: string): string {
  if (!isStorableNumber(value)) throw mismatch(path, STORABLE_NUMBER, value);
  return String(value);
}

/** Formats a bigint for DynamoDB's N type; refuses magnitudes outside DynamoDB's range. */
export function bigintToString(value: bigint, path: string): string {
  if (!isStorableBigint(value)) throw mismatch(path, STORABLE_NUMBER, value);
  return value.toString();
}

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
