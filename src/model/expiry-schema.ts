/**
 * The schema `conformToSchema` / `objectFromSchema` conform with on a table with `expires`: the model's, plus the TTL
 * attribute as Dynamoose adds it to every schema of the table (a Date stored in seconds, defaulting to now + `ttl`).
 * The save and read paths add the attribute beside the schema instead (`store/stored-item.ts`).
 *
 * @module
 * @internal
 */
import { type SchemaFact, factOf } from "../bind/schema-facts.js";
import type { SchemaDefinition } from "../schema/definition.js";
import { type Schema, SchemaBase } from "../schema/schema.js";
import type { ExpiresSettings } from "../store/expires.js";

/** The schema with the TTL attribute of each `expires` setting it was asked for. */
const withTtl: SchemaFact<WeakMap<ExpiresSettings, Schema>> = { name: "schema with the TTL attribute", build: () => new WeakMap() };

/**
 * `schema` with the TTL attribute of `expires` (built once per schema and setting); `schema` itself when the table
 * has no `expires` or the schema declares the attribute.
 */
export function withExpiry(schema: Schema, expires: ExpiresSettings | undefined): Schema {
  if (!expires || schema.attribute(expires.attribute)) return schema;
  const held = factOf(schema, withTtl);
  let found = held.get(expires);
  if (!found) {
    const ttl = {
      type: { value: Date, settings: { storage: "seconds" } },
      default: (): Date => new Date(Date.now() + expires.ttl),
    };
    found = new SchemaBase({ ...schema.definition, [expires.attribute]: ttl } as SchemaDefinition, schema.settings);
    found.owner = schema.owner;
    held.set(expires, found);
  }
  return found;
}
