/**
 * The array `Model.batchGet` resolves: the items, with `unprocessedKeys`, `populate()` and `toJSON()` (Dynamoose's
 * shape; the extras are not enumerable, so the array spreads and compares as the items alone).
 *
 * @module
 * @internal
 */
import { type Callback, settle } from "../callback.js";
import { type Item, type PopulateSettings, populateAll } from "../item/item.js";

/** Wraps items and unprocessed keys into a batchGet result. */
export function resultArray(items: Item[], unprocessedKeys: Record<string, unknown>[]): Item[] {
  const define = (name: string, value: unknown) =>
    Object.defineProperty(items, name, { value, enumerable: false, configurable: true, writable: true });
  define("unprocessedKeys", unprocessedKeys);
  define("populate", (settings?: PopulateSettings | Callback<Item[]>, callback?: Callback<Item[]>) => {
    if (typeof settings === "function") return settle(populateAll(items, {}), settings);
    return settle(populateAll(items, settings ?? {}), callback);
  });
  define("toJSON", () => items.map((item) => item.toJSON()));
  return items;
}
