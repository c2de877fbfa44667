/**
 * DynamoDB's key value rules, checked before a request is sent: a string or binary key value is not empty, a
 * partition key value is at most 2,048 bytes and a sort key value at most 1,024 bytes (UTF-8 for strings).
 * Only key attributes are checked, so the hot path pays one length comparison per key part.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { LimitExceeded, ValidationError } from "../errors.js";

/** Which part of a key a value is. */
export type KeyRole = "partition" | "sort";

/** DynamoDB's largest key values, in bytes. */
export const MAX_KEY_BYTES: Readonly<Record<KeyRole, number>> = Object.freeze({ partition: 2048, sort: 1024 });

/** How a message names a key part: a secondary index's key part with its index. */
const keyLabel = (role: KeyRole, name: string, index: string | undefined): string =>
  index === undefined ? `${role} key ${name}` : `${role} key ${name} of index ${index}`;

/**
 * Refuses an empty string or binary key value (`ValidationError`, code `empty_key`) and one over DynamoDB's size
 * (`LimitExceeded`, code `key_too_large`), naming the key attribute (and `index`, for a secondary index's key).
 *
 * @example
 * ```ts
 * checkKeyValue({ S: "" }, "id", "partition"); // throws ValidationError "The partition key id is empty…"
 * ```
 */
export function checkKeyValue(value: AttributeValue | undefined, name: string, role: KeyRole, index?: string): void {
  if (value === undefined) return;
  let bytes: number;
  if (value.S !== undefined) {
    const text = value.S;
    // A UTF-16 unit is at most 3 UTF-8 bytes: short keys need no byte count.
    bytes = text.length === 0 ? 0 : text.length * 3 <= MAX_KEY_BYTES[role] ? 1 : Buffer.byteLength(text, "utf8");
  } else if (value.B !== undefined) bytes = value.B.byteLength;
  else return;
  if (bytes === 0) {
    throw new ValidationError(`The ${keyLabel(role, name, index)} is empty; DynamoDB refuses an empty string or binary key value.`, {
      code: "empty_key",
      path: name,
      expected: "a non-empty value",
      received: value.S !== undefined ? "empty string" : "empty binary",
    });
  }
  const max = MAX_KEY_BYTES[role];
  if (bytes > max) {
    throw new LimitExceeded(
      `The ${keyLabel(role, name, index)} is ${bytes} bytes long; DynamoDB allows at most ${max} bytes for a ${role} key value.`,
      {
        code: "key_too_large",
        path: name,
        expected: `at most ${max} bytes`,
        received: `${bytes} bytes`,
      },
    );
  }
}

/**
 * Checks the key values of a stored item or `Key` map: the table's partition key and, if any, its sort key.
 *
 * @example
 * ```ts
 * checkKeyValues({ id: { S: "a" } }, "id", undefined);
 * ```
 */
export function checkKeyValues(map: Readonly<Record<string, AttributeValue>>, hashKey: string, rangeKey: string | undefined): void {
  checkKeyValue(Object.hasOwn(map, hashKey) ? map[hashKey] : undefined, hashKey, "partition");
  if (rangeKey !== undefined) checkKeyValue(Object.hasOwn(map, rangeKey) ? map[rangeKey] : undefined, rangeKey, "sort");
}
