/**
 * Reading a stored N string as a JavaScript number without rounding silently.
 *
 * @module
 * @internal
 */
import { TypeMismatch } from "../errors.js";

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
