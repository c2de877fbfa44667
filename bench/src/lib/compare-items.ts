/**
 * Comparing what contenders read or stored, whatever shape their results come in: the User's fields, Sets and
 * Dates normalized. Used to check each contender's output against the raw SDK's (or dynamodel's) before timing.
 */

/** The User's own attributes: what is compared (the timestamps are checked to be numbers or Dates, not compared). */
const FIELDS = ["id", "email", "name", "age", "team", "tags", "address", "roles", "balance"] as const;
const TIMESTAMPS = ["createdAt", "updatedAt"] as const;

/** The items a read returned, whatever the contender's result shape (DocumentClient, ElectroDB, Toolbox, ODM). */
export function readItems(result: unknown): Record<string, unknown>[] {
  if (result === undefined || result === null) return [];
  if (Array.isArray(result)) return [...result];
  const shaped = result as { data?: unknown; Items?: unknown[]; Item?: unknown };
  if ("data" in shaped) return readItems(shaped.data);
  if ("Items" in shaped) return [...(shaped.Items ?? [])] as Record<string, unknown>[];
  if ("Item" in shaped) return readItems(shaped.Item);
  return [result as Record<string, unknown>];
}

/** A comparable form of a value: Sets (and, when `loose`, arrays of a set attribute) as sorted arrays, Dates as numbers. */
function plain(value: unknown, strictSets: boolean): unknown {
  if (value instanceof Set) return strictSets ? { set: [...value].sort() } : [...value].sort();
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map((v) => plain(v, strictSets));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, plain((value as Record<string, unknown>)[key], strictSets)]),
    );
  }
  return value;
}

/** A set attribute read loosely: a Set or an array (ElectroDB reads sets as arrays), as a sorted array. */
const looseSet = (value: unknown) => (value instanceof Set || Array.isArray(value) ? [...value].sort() : value);

/**
 * An item as compared: the User's fields in a fixed order. `strictSets` (stored items, read back by the raw SDK)
 * tells a string set from a list; a read through ElectroDB returns a set as an array, which is how it reads sets.
 */
function comparable(item: Record<string, unknown>, strictSets: boolean): string {
  for (const name of TIMESTAMPS) {
    const value = item[name];
    if (typeof value !== "number" && !(value instanceof Date)) return `${name} is ${typeof value}`;
  }
  const fields = FIELDS.map((name) => [name, name === "tags" && !strictSets ? looseSet(item[name]) : plain(item[name], strictSets)]);
  return JSON.stringify(fields);
}

/** `null` when the two lists hold the same items (by id), else what differs. */
export function sameItems(expected: readonly Record<string, unknown>[], got: readonly Record<string, unknown>[], strictSets = false): string | null {
  if (expected.length !== got.length) return `${got.length} items instead of ${expected.length}`;
  const byId = (items: readonly Record<string, unknown>[]) => items.map((item) => comparable(item, strictSets)).sort();
  const [a, b] = [byId(expected), byId(got)];
  const index = a.findIndex((value, k) => value !== b[k]);
  return index < 0 ? null : `item differs: expected ${a[index]}, got ${b[index]}`;
}

/** The attributes a contender stored besides the User's, with their size as DynamoDB counts it (name + value bytes). */
export function extras(stored: Record<string, unknown>): { names: string[]; bytes: number } {
  const names = Object.keys(stored).filter((name) => !(FIELDS as readonly string[]).includes(name) && !(TIMESTAMPS as readonly string[]).includes(name));
  const bytes = names.reduce((sum, name) => sum + Buffer.byteLength(name) + Buffer.byteLength(String(stored[name])), 0);
  return { names, bytes };
}

