/**
 * Time to live (`expires`): the TTL attribute every item of the table carries (a Date, stored in seconds,
 * default now + `ttl` ms), and the expired-item filter; the setup step that switches TTL on is `table/ttl.ts`.
 *
 * The attribute is not added to the models' schemas (a schema may be shared with tables without TTL): the table
 * adds it when an item is stored and reads it back as a `Date`, unless the schema declares the attribute itself.
 *
 * @module
 */
import { TypeMismatch, describeType } from "../errors.js";
import type { AttributeMap } from "../schema/plan.js";

/** The resolved `expires` option. */
export interface ExpiresSettings {
  /** The TTL attribute (default `"ttl"`). */
  readonly attribute: string;
  /** Milliseconds from now, the default expiry of a new item. */
  readonly ttl: number;
  /** `false`: reads leave out items whose expiry has passed (DynamoDB deletes them up to days later). */
  readonly returnExpired: boolean;
}

/**
 * The TTL attribute that model options `O` add to the item type: `expires.attribute` when it is a literal, `"ttl"`
 * when it is not given; `never` without `expires` (or with a name known only at run time).
 *
 * @example
 * ```ts
 * type N = ExpiresAttribute<{ expires: { ttl: 1000; attribute: "expiresAt" } }>; // "expiresAt"
 * ```
 */
export type ExpiresAttribute<O> = O extends { readonly expires: infer E }
  ? E extends { readonly attribute: infer A }
    ? A extends string
      ? string extends A
        ? never
        : A
      : "ttl"
    : E extends number | object
      ? "ttl"
      : never
  : never;

type Flat<T> = { [K in keyof T]: T[K] } & {};

/**
 * `T` with the optional TTL attribute `N` of type `V` (a `Date` on reads, a `Date` or milliseconds on input), unless
 * `T` declares it (the schema's own type wins) or there is none.
 *
 * @example
 * ```ts
 * type Session = WithExpiry<{ id: string }, "ttl", Date>; // { id: string; ttl?: Date | undefined }
 * ```
 */
export type WithExpiry<T, N extends string, V> = [N] extends [never] ? T : N extends keyof T ? T : Flat<T & { [P in N]?: V | undefined }>;

/**
 * An update type `U` of items `T` that also sets the TTL attribute `N` (plain or in `$SET`), unless `T` declares it.
 *
 * @example
 * ```ts
 * const u: WithExpiryUpdate<{ n?: number }, { n: number }, "ttl"> = { $SET: { ttl: new Date() } };
 * ```
 */
export type WithExpiryUpdate<U, T, N extends string> = [N] extends [never]
  ? U
  : N extends keyof T
    ? U
    : Flat<U & { [P in N]?: Date | number | undefined } & { $SET?: { [P in N]?: Date | number | undefined } }>;

/** The stored form of an expiry: whole seconds since the epoch. */
export function expirySeconds(value: unknown, path: string): number {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return Math.round(value.getTime() / 1000);
  if (typeof value === "number" && Number.isFinite(value)) return Math.round(value / 1000);
  throw new TypeMismatch(`Expected ${path} to be of type date, instead found type ${describeType(value)}.`, {
    code: "type_mismatch",
    path,
    expected: "date",
    received: describeType(value),
  });
}

/** The default expiry of an item stored now. */
export const defaultExpiry = (settings: ExpiresSettings): number => Math.round((Date.now() + settings.ttl) / 1000);

/**
 * Whether an object given to `conformToSchema` / `objectFromSchema` with `checkExpiredItem` has expired, decided
 * as Dynamoose decides it: the table leaves expired items out (`returnExpired: false`) and the object's expiry,
 * taken as seconds since the epoch (as stored), has passed.
 *
 * @example
 * ```ts
 * isExpiredObject({ attribute: "ttl", ttl: 1000, returnExpired: false }, { id: 1, ttl: 1 }); // true
 * ```
 */
export function isExpiredObject(expires: ExpiresSettings | undefined, object: Readonly<Record<string, unknown>>): boolean {
  if (!expires || expires.returnExpired) return false;
  const value = object[expires.attribute];
  return Boolean(value) && Number(value) * 1000 < Date.now();
}

/**
 * Whether a stored item has expired and the table asks for expired items to be left out
 * (`expires.items.returnExpired: false`). Query and Scan call it on every stored item before converting it.
 *
 * @example
 * ```ts
 * const items = output.Items.filter((map) => !isExpired(table, map));
 * ```
 */
export function isExpired(table: { readonly expires: ExpiresSettings | undefined }, map: AttributeMap): boolean {
  const settings = table.expires;
  if (!settings || settings.returnExpired) return false;
  const seconds = map[settings.attribute]?.N;
  return seconds !== undefined && Number(seconds) * 1000 <= Date.now();
}
