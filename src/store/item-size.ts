/**
 * DynamoDB's 400 KB item limit, checked before sending. The size follows DynamoDB's rules (attribute names and
 * values in UTF-8 bytes, numbers by their significant digits, 3 bytes of overhead per map and list, 1 byte per
 * element). A cheap upper bound is computed first, so ordinary items never pay for the exact count.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { LimitExceeded } from "../errors.js";
import type { AttributeMap } from "../schema/plan.js";

/** DynamoDB's maximum item size in bytes. */
export const MAX_ITEM_BYTES = 400 * 1024;

type StringSize = (text: string) => number;
const upperBound: StringSize = (text) => text.length * 3;
const exact: StringSize = (text) => Buffer.byteLength(text, "utf8");

function numberSize(text: string): number {
  const digits = text.replace(/^[-+]?0*/, "").replace(/[.eE].*$/, "").length + (text.split(".")[1]?.replace(/[eE].*$/, "").length ?? 0);
  return Math.ceil(Math.max(digits, 1) / 2) + 1;
}

function valueSize(value: AttributeValue, size: StringSize): number {
  if (value.S !== undefined) return size(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((total, text) => total + size(text), 0);
  if (value.NS !== undefined) return value.NS.reduce((total, text) => total + numberSize(text), 0);
  if (value.BS !== undefined) return value.BS.reduce((total, bytes) => total + bytes.byteLength, 0);
  if (value.L !== undefined) return value.L.reduce((total, item) => total + 1 + valueSize(item, size), 3);
  if (value.M !== undefined) return 3 + mapSize(value.M, size, 1);
  return 0;
}

function mapSize(map: Record<string, AttributeValue>, size: StringSize, perEntry: number): number {
  let total = 0;
  for (const name of Object.keys(map)) total += perEntry + size(name) + valueSize(map[name] as AttributeValue, size);
  return total;
}

/** The size DynamoDB counts for an item, in bytes. */
export function itemSize(map: AttributeMap): number {
  return mapSize(map, exact, 0);
}

/** Refuses an item over 400 KB, naming the model and the largest attributes. */
export function checkItemSize(map: AttributeMap, model: string): void {
  if (mapSize(map, upperBound, 0) <= MAX_ITEM_BYTES) return;
  const bytes = itemSize(map);
  if (bytes <= MAX_ITEM_BYTES) return;
  const largest = Object.keys(map)
    .map((name) => [name, name.length + valueSize(map[name] as AttributeValue, exact)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, size]) => `${name} (${size} bytes)`)
    .join(", ");
  throw new LimitExceeded(
    `An item of ${model} would be ${bytes} bytes, over DynamoDB's 400 KB item limit; the largest attributes: ${largest}.`,
    {
      code: "item_too_large",
      expected: `at most ${MAX_ITEM_BYTES} bytes`,
      received: `${bytes} bytes`,
    },
  );
}

/**
 * Refuses an update whose values alone are over 400 KB: the updated item could never be stored, so the request is
 * not sent. (What the item holds already is unknown here; DynamoDB checks the sum.)
 */
export function checkUpdateValuesSize(values: AttributeMap, model: string): void {
  if (mapSize(values, upperBound, 0) <= MAX_ITEM_BYTES) return;
  const bytes = mapSize(values, exact, 0);
  if (bytes <= MAX_ITEM_BYTES) return;
  throw new LimitExceeded(`The values of an update of ${model} are ${bytes} bytes, over DynamoDB's 400 KB item limit.`, {
    code: "item_too_large",
    expected: `at most ${MAX_ITEM_BYTES} bytes`,
    received: `${bytes} bytes`,
  });
}
