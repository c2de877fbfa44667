/**
 * Keys: what `get`, `delete` and `update` accept (a hash value, or an object with the key attributes, by name or
 * alias) turned into a type-checked DynamoDB `Key`, through the key attributes' `set` transforms.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { type Issue, InvalidParameterType, describeType } from "../errors.js";
import { issuesError } from "../schema/issues.js";
import { checkKeyValues } from "../schema/key-limits.js";
import type { Schema } from "../schema/schema.js";
import type { SerializeContext } from "../schema/serialize.js";
import { serializerOf } from "./schema-encoder.js";

/** A DynamoDB key. */
export type Key = Record<string, AttributeValue>;

const isKeyScalar = (value: unknown): boolean =>
  typeof value === "string" ||
  typeof value === "number" ||
  typeof value === "bigint" ||
  value instanceof Uint8Array ||
  value instanceof Date;

/** Reads an attribute from an input object by its name or one of its aliases. */
function readAttribute(schema: Schema, input: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(input, name)) return input[name];
  for (const alias of schema.attribute(name)?.aliases ?? []) if (Object.hasOwn(input, alias)) return input[alias];
  return undefined;
}

/** The key attribute values of an input, before transforms. */
export function rawKey(schema: Schema, input: unknown): Record<string, unknown> {
  if (isKeyScalar(input)) return { [schema.hashKey]: input };
  if (typeof input !== "object" || input === null) {
    throw new InvalidParameterType(`A key must be the hash key value or an object with ${schema.hashKey}, not ${describeType(input)}.`, {
      code: "invalid_key",
      path: schema.hashKey,
      received: describeType(input),
    });
  }
  const record = input as Record<string, unknown>;
  const out: Record<string, unknown> = { [schema.hashKey]: readAttribute(schema, record, schema.hashKey) };
  const rangeKey = schema.rangeKey;
  if (rangeKey) out[rangeKey] = readAttribute(schema, record, rangeKey);
  return out;
}

/**
 * Builds the `Key` of an input: `set` transforms applied, types checked, missing parts refused. Synchronous when no
 * key attribute has a `set` transform (no promise per call); callers `await` it either way.
 */
export function keyOf(schema: Schema, input: unknown): Key | Promise<Key> {
  const raw = rawKey(schema, input);
  for (const name of Object.keys(raw)) if (schema.attribute(name)?.set) return transformedKeyOf(schema, raw);
  return encodeKey(schema, raw);
}

/** {@link keyOf} when a key attribute has a (possibly async) `set` transform: each part transformed, then encoded. */
async function transformedKeyOf(schema: Schema, raw: Record<string, unknown>): Promise<Key> {
  const key: Key = {};
  const issues: Issue[] = [];
  for (const name of Object.keys(raw)) {
    const node = schema.attribute(name);
    const value = raw[name];
    if (value === undefined || value === null) issues.push(missingKeyPart(name, value));
    else encodeKeyPart(schema, name, node?.set ? await node.set(value) : value, key, issues);
  }
  if (issues.length > 0) throw issuesError(issues);
  checkKeyValues(key, schema.hashKey, schema.rangeKey);
  return key;
}

/** Encodes the key attribute values (none has a transform) and refuses missing parts. */
function encodeKey(schema: Schema, raw: Record<string, unknown>): Key {
  const key: Key = {};
  const issues: Issue[] = [];
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    if (value === undefined || value === null) issues.push(missingKeyPart(name, value));
    else encodeKeyPart(schema, name, value, key, issues);
  }
  if (issues.length > 0) throw issuesError(issues);
  checkKeyValues(key, schema.hashKey, schema.rangeKey);
  return key;
}

/** Encodes one key attribute's value into `key` (an attribute the schema does not define is skipped). */
function encodeKeyPart(schema: Schema, name: string, value: unknown, key: Key, issues: Issue[]): void {
  const node = schema.attribute(name);
  if (!node) return;
  const context: SerializeContext = { issues, pending: undefined, checkRequired: false };
  const encoded = serializerOf(schema, node)(value, name, context);
  if (encoded) key[name] = encoded;
}

/** The issue of a missing key attribute. */
function missingKeyPart(name: string, value: unknown): Issue {
  return { code: "required", path: name, expected: "a value", received: String(value), message: `The key attribute ${name} is missing.` };
}
