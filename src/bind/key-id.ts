/**
 * A text identity for a DynamoDB key, so that unprocessed items, read items and duplicates are matched by key
 * (never by comparing whole items: the stored form of a `Date` is not the caller's `Date`).
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

/**
 * The canonical form of a DynamoDB number, so `"1.50"`, `"1.5"` and `"15E-1"` are one key (DynamoDB returns numbers
 * normalized, callers may not send them so).
 *
 * @example canonicalNumber("1.50") // "15e-1"
 */
export function canonicalNumber(text: string): string {
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!match) return text;
  const [, sign, whole = "", fraction = "", exponent = "0"] = match;
  let digits = `${whole}${fraction}`.replace(/^0+/, "");
  if (digits === "") return "0";
  let power = Number(exponent) - fraction.length;
  const trimmed = digits.replace(/0+$/, "");
  power += digits.length - trimmed.length;
  digits = trimmed;
  return `${sign === "-" ? "-" : ""}${digits}e${power}`;
}

function valueId(value: AttributeValue | undefined): string {
  if (value === undefined) return "-";
  if (value.S !== undefined) return `S${JSON.stringify(value.S)}`;
  if (value.N !== undefined) return `N${canonicalNumber(value.N)}`;
  if (value.B !== undefined) return `B${Buffer.from(value.B).toString("base64")}`;
  return `?${JSON.stringify(value)}`;
}

/**
 * The identity of the key formed by `names` in `map` (a `Key`, or a whole item: other attributes are ignored).
 *
 * @example keyId({ id: { S: "a" }, n: { N: "1.0" } }, ["id", "n"]) // 'S"a"|N1e0'
 */
export function keyId(map: Record<string, AttributeValue>, names: readonly string[]): string {
  return names.map((name) => valueId(map[name])).join("|");
}
