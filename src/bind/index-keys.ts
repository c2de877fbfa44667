/**
 * DynamoDB's key value rules for secondary index keys (issue #13): a GSI or LSI key attribute's string or binary value
 * is not empty, at most 2,048 bytes as an index partition key and 1,024 bytes as an index sort key. DynamoDB refuses
 * a write breaking them with a generic `ValidationException`; here it is refused before sending, naming the attribute
 * and the index. The key parts are listed once per schema; the table's own keys are checked by `checkKeyValues`.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { checkKeyValue, type KeyRole } from "../schema/key-limits.js";
import type { Schema } from "../schema/schema.js";
import { factOf, type SchemaFact } from "./schema-facts.js";

/** One key part of a secondary index: the attribute, its role in the index and the index's name. */
interface IndexKeyPart {
  readonly name: string;
  readonly role: KeyRole;
  readonly index: string;
}

/** The index key parts of a schema that are not the table's own keys (an LSI's partition key is the table's). */
const indexKeyParts: SchemaFact<readonly IndexKeyPart[]> = {
  name: "secondary index key parts",
  build: (schema) => {
    const tableKeys = new Set([schema.hashKey, schema.rangeKey]);
    const parts: IndexKeyPart[] = [];
    for (const index of schema.indexes()) {
      if (!tableKeys.has(index.hashKey)) parts.push({ name: index.hashKey, role: "partition", index: index.name });
      if (index.rangeKey !== undefined && !tableKeys.has(index.rangeKey))
        parts.push({ name: index.rangeKey, role: "sort", index: index.name });
    }
    return parts;
  },
};

/**
 * Refuses an item (a stored map) whose secondary index key value is empty (`ValidationError`, code `empty_key`) or
 * too large (`LimitExceeded`, code `key_too_large`), naming the attribute and the index.
 *
 * @example
 * ```ts
 * checkIndexKeyValues(schema, { id: { S: "a" }, email: { S: "" } }); // throws: "The partition key email of index byEmail is empty…"
 * ```
 */
export function checkIndexKeyValues(schema: Schema, map: Readonly<Record<string, AttributeValue>>): void {
  for (const part of factOf(schema, indexKeyParts)) {
    if (Object.hasOwn(map, part.name)) checkKeyValue(map[part.name], part.name, part.role, part.index);
  }
}

/**
 * Refuses the value an update sets a root attribute `name` to when that attribute is a secondary index key and the
 * value breaks DynamoDB's key rules (see {@link checkIndexKeyValues}).
 *
 * @example
 * ```ts
 * checkIndexKeyValue(schema, "email", { S: "" }); // throws ValidationError (code empty_key)
 * ```
 */
export function checkIndexKeyValue(schema: Schema, name: string, value: AttributeValue): void {
  for (const part of factOf(schema, indexKeyParts)) {
    if (part.name === name) checkKeyValue(value, part.name, part.role, part.index);
  }
}
