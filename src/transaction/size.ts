/**
 * DynamoDB's item size arithmetic, to refuse a transaction over 4 MB before sending it.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");
const numberSize = (text: string): number => Math.ceil(text.replace(/^[-+]|\.|[eE].*$/g, "").replace(/^0+/, "").length / 2) + 1;

/** The size DynamoDB counts for one value. */
export function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return bytes(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + bytes(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.length, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  if (value.M !== undefined) return 3 + Object.entries(value.M).reduce((sum, [k, v]) => sum + 1 + bytes(k) + valueSize(v), 0);
  return 1;
}

/** The size of an attribute map (an item, a key, expression values). */
export function mapSize(map: Record<string, AttributeValue> | undefined): number {
  if (!map) return 0;
  let size = 0;
  for (const [name, value] of Object.entries(map)) size += bytes(name) + valueSize(value);
  return size;
}
