/**
 * Picking and leaving out attributes by dotted path (`"friend.id"`, `"tags.0"`), for serializers' `include` and
 * `exclude`. Neither touches the object it reads: `omitPaths` copies each object on the way to what it removes.
 *
 * @module
 * @internal
 */
import { defineOwn } from "../marshal/own-properties.js";
import { isPlainObject } from "../schema/parse.js";

/** Path segments that never address data (as in Dynamoose's object utilities): such a path is ignored. */
const forbidden = new Set(["__proto__", "constructor", "prototype"]);

const segmentsOf = (path: string): string[] | undefined => {
  const segments = path.split(".");
  return segments.some((segment) => forbidden.has(segment)) ? undefined : segments;
};

const isContainer = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function valueAt(object: Record<string, unknown>, segments: readonly string[]): unknown {
  let value: unknown = object;
  for (const segment of segments) {
    if (!isContainer(value) || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}

/**
 * The values at `paths` (those neither undefined nor null, as Dynamoose's `include`), in a new object of the same
 * nesting.
 * @example `pickPaths({ id: 1, friend: { id: 3, name: "Tom" } }, ["friend.name"])` → `{ friend: { name: "Tom" } }`
 */
export function pickPaths(object: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const segments = segmentsOf(path);
    if (segments === undefined) continue;
    const value = valueAt(object, segments);
    if (value === undefined || value === null) continue;
    let target = out;
    for (const segment of segments.slice(0, -1)) {
      const next = target[segment];
      if (isContainer(next)) target = next;
      else {
        const created: Record<string, unknown> = {};
        defineOwn(target, segment, created);
        target = created;
      }
    }
    defineOwn(target, segments[segments.length - 1] as string, value);
  }
  return out;
}

/** A shallow copy of an object or array. */
const copyOf = (value: Record<string, unknown>): Record<string, unknown> =>
  (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;

/**
 * `object` without the attributes at `paths` (a list element is spliced out). `object` itself is changed only at
 * its top level (pass a copy); nested objects are copied before anything is removed from them.
 * @example `omitPaths({ ...item }, ["friend.id"])`
 */
export function omitPaths(object: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  for (const path of paths) {
    const segments = segmentsOf(path);
    if (segments !== undefined) omitAt(object, segments, 0);
  }
  return object;
}

function omitAt(target: Record<string, unknown>, segments: readonly string[], index: number): void {
  const segment = segments[index] as string;
  if (index === segments.length - 1) {
    if (Array.isArray(target)) target.splice(Number.parseInt(segment, 10), 1);
    else delete target[segment];
    return;
  }
  const next = Object.hasOwn(target, segment) ? target[segment] : undefined;
  // Only data is walked into: a Date, Set or class instance has no attributes to leave out.
  if (!Array.isArray(next) && !isPlainObject(next)) return;
  const copy = copyOf(next as Record<string, unknown>);
  target[segment] = copy;
  omitAt(copy, segments, index + 1);
}
