/**
 * Table options (also accepted by `dynamodel.model` for the table it creates), their defaults and
 * `Table.defaults`.
 *
 * @module
 */
import type { ReturnConsumedCapacity } from "../aws/capacity.js";
import type { Throughput } from "../schema/definition.js";

/** What `update: [...]` may reconcile on a live table. */
export type TableUpdateKind = "ttl" | "indexes" | "throughput" | "tags" | "tableClass" | "streams";

/** How long and how often to poll for ACTIVE. */
export interface WaitForActiveSettings {
  readonly enabled: boolean;
  readonly check: { readonly timeout: number; readonly frequency: number };
}

/** Table settings. */
export interface TableOptions {
  /**
   * Create the table when it does not exist (default `true`). `false` without `waitForActive` set sends no table
   * request at all (the cold-start setting); with it, the setup only waits for ACTIVE.
   */
  readonly create: boolean;
  /** Provisioned throughput (default `{read: 1, write: 1}`), or `"ON_DEMAND"` for PAY_PER_REQUEST billing. */
  readonly throughput: Throughput | "ON_DEMAND";
  /** Prepended to the table name. */
  readonly prefix: string;
  /** Appended to the table name. */
  readonly suffix: string;
  /**
   * Wait until the table and its indexes are ACTIVE before the first request (default on, 180 s, every 1 s); with
   * `create: false`, only when set (in the options or `Table.defaults`).
   */
  readonly waitForActive: boolean | WaitForActiveSettings;
  /** Reconcile a live table with the models (default `false`). */
  readonly update: boolean | readonly TableUpdateKind[];
  /**
   * Time to live: `ttl` in milliseconds (a new item expires `ttl` ms after it is stored), or
   * `{ttl, attribute = "ttl", items: {returnExpired = true}}`. Every item of the table carries the attribute (a
   * Date, stored in seconds); the setup enables TTL on the table. `returnExpired: false` leaves expired items out
   * of reads (DynamoDB deletes them up to days late).
   * @example `{ expires: { ttl: 24 * 60 * 60 * 1000, attribute: "expiresAt", items: { returnExpired: false } } }`
   */
  readonly expires?:
    | number
    | {
        /** Milliseconds from now: the default expiry of a new item. */
        readonly ttl: number;
        /** The TTL attribute (default `"ttl"`). */
        readonly attribute?: string;
        /** How reads treat expired items. */
        readonly items?: {
          /** `false`: `get`, `query`, `scan` and `batchGet` leave out items whose expiry has passed (default `true`). */
          readonly returnExpired?: boolean;
        };
      };
  /** Tags set on creation. */
  readonly tags: Readonly<Record<string, string>>;
  /** `"standard"` (default) or `"infrequentAccess"`. */
  readonly tableClass: "standard" | "infrequentAccess";
  /** Start the setup flow when the table is constructed (default `true`); when `false`, call `table.initialize()` first. */
  readonly initialize: boolean;
  /**
   * Populate the reference attributes of every item read by `get`, `batchGet`, `query` and `scan` (Dynamoose's
   * table option): `true` all of them at every depth, or `item.populate()`'s `properties` (`"*"` one level, paths).
   * @example `dynamodel.model("Child", schema, { populate: ["parent"] })`
   */
  readonly populate?: boolean | string | readonly string[];
  /**
   * Ask DynamoDB for the capacity every request of the table's models consumes (each call's own
   * `returnConsumedCapacity` setting wins): results then carry `consumedCapacity`. Set it per model in the model's
   * options, or for every table with `Table.defaults.set({ returnConsumedCapacity: "TOTAL" })`.
   * @example `dynamodel.model("User", schema, { returnConsumedCapacity: "TOTAL" })`
   */
  readonly returnConsumedCapacity?: ReturnConsumedCapacity;
  /** DynamoDB Streams. */
  readonly streamOptions?: {
    /** Whether the table has a stream. */
    readonly enabled: boolean;
    /** What each stream record holds (DynamoDB's `StreamViewType`). */
    readonly type?: "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES" | "KEYS_ONLY";
  };
}

/** Options as given: any subset. */
export type TableOptionsInput = {
  readonly [K in keyof TableOptions]?: K extends "waitForActive" ? boolean | DeepPartialWait : TableOptions[K];
};

/** A partial `waitForActive` object. */
export interface DeepPartialWait {
  readonly enabled?: boolean;
  readonly check?: { readonly timeout?: number; readonly frequency?: number };
}

/** The built-in defaults (Dynamoose v4's). */
export const builtInTableDefaults: TableOptions = {
  create: true,
  throughput: { read: 1, write: 1 },
  prefix: "",
  suffix: "",
  waitForActive: { enabled: true, check: { timeout: 180_000, frequency: 1000 } },
  update: false,
  tags: {},
  tableClass: "standard",
  initialize: true,
};

/** Resolves `waitForActive` to its full form. */
export function waitSettings(value: TableOptionsInput["waitForActive"]): WaitForActiveSettings {
  const base = builtInTableDefaults.waitForActive as WaitForActiveSettings;
  if (value === undefined || value === true) return base;
  if (value === false) return { ...base, enabled: false };
  return {
    enabled: value.enabled ?? true,
    check: { timeout: value.check?.timeout ?? base.check.timeout, frequency: value.check?.frequency ?? base.check.frequency },
  };
}

/** Merges options: given > custom defaults > built-ins. */
export function resolveTableOptions(given: TableOptionsInput | undefined, custom: TableOptionsInput): TableOptions {
  const merged = { ...builtInTableDefaults, ...stripUndefined(custom), ...stripUndefined(given ?? {}) } as TableOptions;
  return { ...merged, waitForActive: waitSettings(given?.waitForActive ?? custom.waitForActive) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
