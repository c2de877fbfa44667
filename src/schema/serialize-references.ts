/**
 * Serializing references to other models: the referenced item's hash key value, of the hash key's type, or
 * `{hash, range}` as a map when the referenced model has a range key.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { isStorableBigint, isStorableNumber } from "../marshal/numbers.js";
import { defineOwn } from "../marshal/own-properties.js";
import { MISMATCH } from "./serialize-context.js";

/** The DynamoDB type letter of a key value. */
type KeyLetter = "S" | "N" | "B";

/** The DynamoDB type of a referenced model's hash key. */
export function referenceKind(model: { resolve: () => { hashKeyKind: string } } | undefined): KeyLetter {
  const kind = model?.resolve().hashKeyKind;
  return kind === "number" || kind === "bigint" ? "N" : kind === "buffer" ? "B" : "S";
}

/** A key value of the given DynamoDB type (any scalar key type when `letter` is undefined). */
function keyValue(value: unknown, letter: KeyLetter | undefined): AttributeValue | typeof MISMATCH {
  if (typeof value === "string") return letter === undefined || letter === "S" ? { S: value } : MISMATCH;
  if (isStorableNumber(value) || (typeof value === "bigint" && isStorableBigint(value))) {
    return letter === undefined || letter === "N" ? { N: String(value) } : MISMATCH;
  }
  if (value instanceof Uint8Array) return letter === undefined || letter === "B" ? { B: value } : MISMATCH;
  return MISMATCH;
}

/**
 * The stored form of a reference: the referenced item's hash key value (of the hash key's type), or
 * `{hash, range}` as a map when the referenced model has a range key. Accepts a key value or an item / key object.
 */
export function referenceKey(
  value: unknown,
  resolve: () => { hashKey: string; rangeKey: string | undefined; hashKeyKind: string },
): AttributeValue | typeof MISMATCH {
  const model = resolve();
  const letter = referenceKind({ resolve: () => model });
  const isRecord = typeof value === "object" && value !== null && !(value instanceof Uint8Array);
  if (model.rangeKey === undefined) {
    return keyValue(
      isRecord ? (Object.hasOwn(value, model.hashKey) ? (value as Record<string, unknown>)[model.hashKey] : undefined) : value,
      letter,
    );
  }
  if (!isRecord) return MISMATCH;
  const record = value as Record<string, unknown>;
  const hashValue = keyValue(Object.hasOwn(record, model.hashKey) ? record[model.hashKey] : undefined, letter);
  const rangeValue = keyValue(Object.hasOwn(record, model.rangeKey) ? record[model.rangeKey] : undefined, undefined);
  if (hashValue === MISMATCH || rangeValue === MISMATCH) return MISMATCH;
  const map: Record<string, AttributeValue> = {};
  defineOwn(map, model.hashKey, hashValue);
  defineOwn(map, model.rangeKey, rangeValue);
  return { M: map };
}
