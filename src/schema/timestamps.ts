/**
 * The `timestamps` schema setting, normalized to the attributes it adds.
 *
 * @module
 * @internal
 */
import { InvalidParameter, InvalidType } from "../errors.js";
import type { AttributeValueDefinition, DateStorage, SchemaSettings, TimestampSetting } from "./definition.js";
import { defineOwn } from "../marshal/own-properties.js";
import { isPlainObject } from "./parse.js";

/** One timestamp attribute: its name and how its Date is stored. */
export interface TimestampAttribute {
  readonly name: string;
  readonly storage: DateStorage;
}

/** The attributes set on creation and on every write. */
export interface Timestamps {
  readonly createdAt: readonly TimestampAttribute[];
  readonly updatedAt: readonly TimestampAttribute[];
}

function storageOf(name: string, definition: AttributeValueDefinition): DateStorage {
  const type = isPlainObject(definition) && "type" in definition ? definition.type : definition;
  if (Array.isArray(type)) {
    throw new InvalidType(`Not allowed to use an array of types for the timestamps attribute "${name}".`, {
      code: "invalid_timestamp",
      path: name,
    });
  }
  if (type === Date) return "milliseconds";
  if (isPlainObject(type) && type.value === Date) {
    const storage = isPlainObject(type.settings) ? type.settings.storage : undefined;
    if (storage === undefined || storage === "milliseconds" || storage === "seconds" || storage === "iso") return storage ?? "milliseconds";
  }
  throw new InvalidType(`The timestamps attribute "${name}" must be a Date.`, { code: "invalid_timestamp", path: name });
}

function normalize(setting: TimestampSetting | undefined, fallback: string | null): TimestampAttribute[] {
  if (setting === undefined) return fallback === null ? [] : [{ name: fallback, storage: "milliseconds" }];
  if (setting === null) return [];
  if (typeof setting === "string") return [{ name: setting, storage: "milliseconds" }];
  if (Array.isArray(setting)) return setting.map((name: string) => ({ name, storage: "milliseconds" as const }));
  return Object.entries(setting as Record<string, AttributeValueDefinition>).map(([name, definition]) => ({
    name,
    storage: storageOf(name, definition),
  }));
}

/** Normalizes the setting; refuses timestamp names the definition also defines. */
export function parseTimestamps(settings: SchemaSettings, defined: ReadonlySet<string>): Timestamps {
  const setting = settings.timestamps;
  if (!setting) return { createdAt: [], updatedAt: [] };
  const timestamps =
    setting === true
      ? { createdAt: normalize(undefined, "createdAt"), updatedAt: normalize(undefined, "updatedAt") }
      : { createdAt: normalize(setting.createdAt, null), updatedAt: normalize(setting.updatedAt, null) };
  for (const { name } of [...timestamps.createdAt, ...timestamps.updatedAt]) {
    if (defined.has(name))
      throw new InvalidParameter(`Timestamp attributes must not be defined in schema (${name}).`, {
        code: "invalid_timestamp",
        path: name,
      });
  }
  return timestamps;
}

/**
 * Sets a nested timestamp at `segments` (`*`: every element of a list) in `target`, copying each object and list on
 * the way (never the caller's): a missing object on the way is created, as Dynamoose does; a value of another type
 * is left for the type check.
 */
export function stampAt(target: Record<string, unknown>, segments: readonly string[], index: number, value: unknown): void {
  const segment = segments[index] as string;
  if (index === segments.length - 1) {
    defineOwn(target, segment, value);
    return;
  }
  const current = Object.hasOwn(target, segment) ? target[segment] : undefined;
  if (segments[index + 1] === "*") {
    if (!Array.isArray(current)) return;
    const list: unknown[] = [...current];
    defineOwn(target, segment, list);
    for (let i = 0; i < list.length; i++) {
      const element = list[i];
      if (!isPlainObject(element)) continue;
      const copy = { ...element };
      list[i] = copy;
      stampAt(copy, segments, index + 2, value);
    }
    return;
  }
  if (current !== undefined && !isPlainObject(current)) return;
  const copy: Record<string, unknown> = current === undefined ? {} : { ...current };
  defineOwn(target, segment, copy);
  stampAt(copy, segments, index + 1, value);
}
