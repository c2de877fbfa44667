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
import type { Schema } from "../schema/schema.js";
import type { SerializeContext } from "../schema/serialize.js";
import { serializerOf } from "./schema-encoder.js";

/** A DynamoDB key. */
export type Key = Record<string, AttributeValue>;

const isKeyScalar = (value: unknown): boolean =>
  typeof value === "string" || typeof value === "number" || typeof value === "bigint" || value instanceof Uint8Array || value instanceof Date;

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

/** Builds the `Key` of an input: `set` transforms applied, types checked, missing parts refused. */
export async function keyOf(schema: Schema, input: unknown): Promise<Key> {
  const raw = rawKey(schema, input);
  const key: Key = {};
  const issues: Issue[] = [];
  for (const name of Object.keys(raw)) {
    const node = schema.attribute(name);
    let value = raw[name];
    if (value === undefined || value === null) {
      issues.push({
        code: "required",
        path: name,
        expected: "a value",
        received: String(value),
        message: `The key attribute ${name} is missing.`,
      });
      continue;
    }
    if (node?.set) value = await node.set(value);
    if (!node) continue;
    const context: SerializeContext = { issues, pending: undefined, checkRequired: false };
    const encoded = serializerOf(schema, node)(value, name, context);
    if (encoded) key[name] = encoded;
  }
  if (issues.length > 0) throw issuesError(issues);
  return key;
}
