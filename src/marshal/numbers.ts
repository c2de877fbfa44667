/**
 * DynamoDB's number range (N): which JavaScript numbers and bigints it stores, their string form, and the type
 * mismatch raised for a value that does not fit.
 *
 * @module
 * @internal
 */
import { TypeMismatch, describeType } from "../errors.js";

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

/** The found type in messages; a non-finite number or an invalid Date says so instead of "number" or "Date". */
export function describeReceived(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "number" && !isStorableNumber(value)) return "number out of DynamoDB's range";
  if (typeof value === "bigint" && !isStorableBigint(value)) return "bigint out of DynamoDB's range";
  if (value instanceof Date && Number.isNaN(value.getTime())) return "invalid Date";
  return describeType(value);
}

/** The `TypeMismatch` for a value at `path` that is not of the `expected` type (names the value's type, never the value). */
export function mismatch(path: string, expected: string, value: unknown): TypeMismatch {
  return typeMismatch(path, expected, describeReceived(value));
}

/** The `TypeMismatch` for a value at `path` of the type named `received` where `expected` was required. */
export function typeMismatch(path: string, expected: string, received: string): TypeMismatch {
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
