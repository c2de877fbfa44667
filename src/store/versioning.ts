/**
 * Optimistic locking (schema setting `version`): the version a write expects, the condition that checks it, and
 * the `VersionConflict` a failed check becomes.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { ConditionalCheckFailed, VersionConflict, describeValue } from "../errors.js";
import { type ConditionNode, cond } from "../expression/index.js";
import type { SchemaSettings } from "../schema/definition.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import { rawKey } from "../bind/keys.js";

/** The version attribute of a schema, or undefined when the schema has no locking. */
export function versionAttribute(schema: Schema): string | undefined {
  const setting = (schema.settings as SchemaSettings).version;
  if (setting === true) return "version";
  if (typeof setting === "string" && setting !== "") return setting;
  return undefined;
}

/** The number in a stored version attribute. */
export function storedVersion(map: AttributeMap | undefined, name: string): number | undefined {
  const value = map?.[name] as AttributeValue | undefined;
  return value?.N === undefined ? undefined : Number(value.N);
}

/** The version an object carries (an item, or a key object given to `update`/`delete`), if any. */
export function carriedVersion(input: unknown, name: string): number | undefined {
  if (typeof input !== "object" || input === null || input instanceof Uint8Array || input instanceof Date) return undefined;
  const value = (input as Record<string, unknown>)[name];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** The condition a versioned write adds: the stored version is the expected one, or there is no item yet. */
export function versionCondition(name: string, expected: number | undefined): ConditionNode {
  return expected === undefined ? cond.attributeNotExists(name) : cond.eq(name, expected);
}

/** Adds the version number to read fields (when the schema itself does not define the attribute). */
export function withVersion(fields: Record<string, unknown>, map: AttributeMap, name: string | undefined): Record<string, unknown> {
  if (name === undefined || fields[name] !== undefined) return fields;
  const version = storedVersion(map, name);
  if (version !== undefined) fields[name] = version;
  return fields;
}

/** What a versioned write needs to explain a failed check. */
export interface VersionCheck {
  readonly model: string;
  readonly schema: Schema;
  readonly name: string;
  readonly key: unknown;
  readonly expected: number | undefined;
  /** The write also required the item not to exist (`create`): an existing item is that condition's failure, not a conflict. */
  readonly mustNotExist?: boolean;
  /** Turns the stored item DynamoDB returned into a model item. */
  readonly fromStored: (map: AttributeMap) => Promise<object>;
}

/**
 * Turns a failed condition of a versioned write into `VersionConflict` when the stored version differs from the
 * expected one (DynamoDB returned the stored item: `ReturnValuesOnConditionCheckFailure: "ALL_OLD"`); a failure of
 * the caller's own condition stays a `ConditionalCheckFailed`.
 */
export async function versionConflictOf(error: unknown, check: VersionCheck): Promise<unknown> {
  if (!(error instanceof ConditionalCheckFailed)) return error;
  const stored = (error.cause as { Item?: AttributeMap } | undefined)?.Item;
  const current = storedVersion(stored, check.name);
  const exists = stored !== undefined && Object.keys(stored).length > 0;
  if (exists && (current === check.expected || check.mustNotExist)) return error;
  const key = rawKey(check.schema, check.key);
  const expectedText = check.expected === undefined ? "no item yet" : `version ${check.expected}`;
  const storedText = exists ? (current === undefined ? "an item without a version" : `version ${current}`) : "no item";
  return new VersionConflict(`${check.model} ${describeValue(key)}: the write expected ${expectedText}, but DynamoDB has ${storedText}.`, {
    cause: error.cause,
    key,
    expectedVersion: check.expected,
    storedVersion: exists ? current : undefined,
    ...(exists ? { item: (await check.fromStored(stored)) as Record<string, unknown> } : {}),
  });
}
