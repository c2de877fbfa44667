/**
 * The part of a Query's or Scan's shape (see `RequestShape`) that comes from its settings: what changes the
 * request except its values. `limit` and `startAt` are applied per request and are not part of it.
 *
 * @module
 * @internal
 */
import type { RequestShape, ShapeIds } from "../expression/condition-shape.js";
import type { Operation } from "./operation.js";
import type { RetrieverSettings } from "./settings.js";

/**
 * Pushes the settings that shape the request, with strings as ids from `ids`; false when they can not be keyed.
 *
 * @example
 * ```ts
 * settingsShape("query", "User", settings, shape, cache); // true
 * ```
 */
export function settingsShape(
  operation: Operation,
  tableName: string,
  settings: RetrieverSettings,
  shape: RequestShape,
  ids: Pick<ShapeIds, "intern">,
): boolean {
  const { tokens } = shape;
  const { index, attributes, sort, segments } = settings;
  tokens.push(operation === "query" ? 1 : 2, ids.intern(tableName), index === undefined ? -1 : ids.intern(index));
  if (attributes === undefined) tokens.push(-1);
  else {
    tokens.push(attributes.length);
    for (const name of attributes) {
      if (typeof name !== "string") return false;
      tokens.push(ids.intern(name));
    }
  }
  if (segments !== undefined && !(Number.isSafeInteger(segments) && segments >= 0)) return false;
  tokens.push(settings.count ? 1 : 0, settings.consistent ? 1 : 0, sort === undefined ? -1 : ids.intern(sort), segments ?? -1);
  return true;
}
