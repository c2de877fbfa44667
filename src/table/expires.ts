/**
 * Time to live (`expires`): the TTL attribute every item of the table carries (a Date, stored in seconds,
 * default now + `ttl` ms), the setup step that enables TTL on the table, and the expired-item filter.
 *
 * The attribute is not added to the models' schemas (a schema may be shared with tables without TTL): the table
 * adds it when an item is stored and reads it back as a `Date`, unless the schema declares the attribute itself.
 *
 * @module
 */
import type { Operation, Operations } from "../aws/client.js";
import { InvalidParameter, TypeMismatch, describeType } from "../errors.js";
import type { AttributeMap } from "../schema/plan.js";
import type { TableOptions } from "./options.js";
import { type PollSettings, poll } from "./poll.js";

/** The resolved `expires` option. */
export interface ExpiresSettings {
  /** The TTL attribute (default `"ttl"`). */
  readonly attribute: string;
  /** Milliseconds from now, the default expiry of a new item. */
  readonly ttl: number;
  /** `false`: reads leave out items whose expiry has passed (DynamoDB deletes them up to days later). */
  readonly returnExpired: boolean;
}

/** Resolves and checks `options.expires`. @internal */
export function expiresSettings(options: TableOptions): ExpiresSettings | undefined {
  const expires = options.expires;
  if (expires === undefined) return undefined;
  const given = typeof expires === "number" ? { ttl: expires } : expires;
  if (typeof given !== "object" || given === null || typeof given.ttl !== "number" || !Number.isFinite(given.ttl) || given.ttl < 0) {
    throw new InvalidParameter("expires needs a ttl: a number of milliseconds, 0 or more.", {
      code: "invalid_expires",
      received: describeType(given),
    });
  }
  const attribute = ("attribute" in given ? given.attribute : undefined) ?? "ttl";
  const returnExpired = ("items" in given ? given.items?.returnExpired : undefined) ?? true;
  return { attribute, ttl: given.ttl, returnExpired };
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

/** What enabling TTL needs of a table. @internal */
export interface TimeToLiveContext {
  readonly name: string;
  send<K extends Operation>(operation: K, input: Operations[K][0]): Promise<Operations[K][1]>;
}

/**
 * The setup step of `expires`: DescribeTimeToLive, then UpdateTimeToLive when TTL is disabled (after waiting
 * while it is being disabled). A table with TTL already on, whatever its attribute, is left alone. @internal
 */
export async function enableTimeToLive(context: TimeToLiveContext, settings: ExpiresSettings, wait: PollSettings): Promise<void> {
  const status = await poll(
    async () => {
      const output = await context.send("describeTimeToLive", { TableName: context.name });
      const current = output.TimeToLiveDescription?.TimeToLiveStatus ?? "DISABLED";
      return current === "DISABLING" ? undefined : current;
    },
    wait,
    `TTL of table ${context.name} to be disabled`,
  );
  if (status !== "DISABLED") return;
  await context.send("updateTimeToLive", {
    TableName: context.name,
    TimeToLiveSpecification: { Enabled: true, AttributeName: settings.attribute },
  });
}
