/**
 * What a table adds to the items of its models, applied by the model at save, update and read time:
 * the model's entity tag, and the TTL attribute of `expires` (when the schema does not declare it).
 *
 * @module
 * @internal
 */
import { type UpdateAction, updateAction } from "../expression/index.js";
import { isPlainObject } from "../schema/parse.js";
import type { AttributeMap } from "../schema/plan.js";
import type { Schema } from "../schema/schema.js";
import type { EntityTag } from "./entity.js";
import { type ExpiresSettings, defaultExpiry, expirySeconds } from "./expires.js";

/** What these hooks need of a table. */
export interface TableAttributes {
  readonly expires: ExpiresSettings | undefined;
}

/** Adds the entity tag and the expiry to an item's stored form (in place); returns it. */
export function addTableAttributes(
  table: TableAttributes,
  entity: EntityTag | undefined,
  schema: Schema,
  fields: Readonly<Record<string, unknown>>,
  map: AttributeMap,
): AttributeMap {
  const expires = table.expires;
  if (expires) {
    const name = expires.attribute;
    if (!schema.attribute(name)) {
      const value = fields[name];
      map[name] = { N: String(value === undefined || value === null ? defaultExpiry(expires) : expirySeconds(value, name)) };
    } else if (map[name] === undefined) {
      map[name] = { N: String(defaultExpiry(expires)) };
    }
  }
  if (entity) map[entity.attribute] = { S: entity.value };
  return map;
}

/** Reads the expiry of a stored item back as a `Date` (when the schema does not declare it). */
export function readTableAttributes(
  table: TableAttributes,
  schema: Schema,
  map: AttributeMap,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const name = table.expires?.attribute;
  if (name === undefined || schema.attribute(name)) return fields;
  const seconds = map[name]?.N;
  if (seconds === undefined) return fields;
  fields[name] = new Date(Number(seconds) * 1000);
  return fields;
}

/** An update object split into what the schema updates, the expiry set by hand, and the entity tag. */
export interface TableUpdate {
  /** The update without the expiry attribute. */
  readonly update: Record<string, unknown>;
  /** `SET` of the expiry, when the update gives one. */
  readonly expiry: UpdateAction[];
  /** `SET` of the entity tag. */
  readonly tag: UpdateAction[];
}

/** Takes the expiry (plain or `$SET`) out of an update, as a `SET` of seconds, and adds the entity tag. */
export function tableUpdate(
  table: TableAttributes,
  entity: EntityTag | undefined,
  schema: Schema,
  update: Record<string, unknown>,
): TableUpdate {
  const tag = entity ? [updateAction.set(entity.attribute, entity.value)] : [];
  const name = table.expires?.attribute;
  if (name === undefined || schema.attribute(name)) return { update, expiry: [], tag };
  const rest = { ...update };
  let value: unknown;
  if (Object.hasOwn(rest, name)) {
    value = rest[name];
    delete rest[name];
  }
  const set = Object.hasOwn(rest, "$SET") ? rest.$SET : undefined;
  if (isPlainObject(set) && Object.hasOwn(set, name)) {
    const { [name]: given, ...others } = set;
    value = given;
    rest.$SET = others;
  }
  const expiry = value === undefined ? [] : [updateAction.set(name, expirySeconds(value, name))];
  return { update: rest, expiry, tag };
}
