/**
 * What a read item keeps of the stored map it was read from when its model says `keepOriginal: false`: a small
 * stand-in, recognisable by its prototype, that holds only the version attribute's stored value (optimistic locking)
 * and still marks the item as read (a save keeps `createdAt`, as it would with the whole map).
 *
 * @module
 * @internal
 */
import type { AttributeMap } from "../schema/plan.js";

/** The prototype of every stand-in: how `original()` tells one from a stored map. */
const STAND_IN: AttributeMap = Object.freeze(Object.create(null) as AttributeMap);

/** Whether `stored` is a stand-in (the model dropped the stored map) rather than the map an item was read from. */
export function isStandIn(stored: AttributeMap): boolean {
  return Object.getPrototypeOf(stored) === STAND_IN;
}

/**
 * The function that reduces a stored map to its stand-in: one shared empty stand-in without a version attribute, else
 * a stand-in holding the version's value (or the shared one when the map has none).
 */
export function standInMaker(versionName: string | undefined): (map: AttributeMap) => AttributeMap {
  const empty = Object.freeze(Object.create(STAND_IN) as AttributeMap);
  if (versionName === undefined) return () => empty;
  return (map) => {
    const version = map[versionName];
    if (version === undefined) return empty;
    const standIn = Object.create(STAND_IN) as AttributeMap;
    standIn[versionName] = version;
    return standIn;
  };
}
