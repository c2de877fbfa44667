/**
 * The one User schema and the data every workload shares. Dynamoose and dynamodel take the very same definition
 * (dynamodel keeps Dynamoose's API); the raw SDK gets the equivalent plain objects with numeric timestamps.
 */

/** Roles a user may have (an enum). */
export const ROLES = ["admin", "editor", "viewer", "billing"] as const;
/** One of ROLES. */
export type Role = (typeof ROLES)[number];

/** Users are spread over this many teams (the `team-index` GSI the query workload reads). */
export const TEAMS = 16;

/** A fresh User definition (a new object each time: libraries may keep or mutate it). */
export function userDefinition() {
  return {
    id: { type: String, hashKey: true },
    email: { type: String, required: true, validate: /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i },
    name: String,
    age: { type: Number, validate: (value: unknown) => typeof value === "number" && value >= 0 && value < 150 },
    team: { type: String, index: { name: "team-index", type: "global" as const } },
    tags: { type: Set, schema: [String] },
    address: {
      type: Object,
      schema: { street: String, city: String, zip: String, country: { type: String, default: "FR" } },
    },
    roles: { type: Array, schema: [{ type: String, enum: [...ROLES] }] },
    balance: { type: Number, default: 0 },
  };
}

/** Schema settings shared by both ODMs. */
export const schemaSettings = { timestamps: true } as const;

/** The fields a caller passes to create/save (no timestamps, no balance: the ODMs add them). */
export interface UserInput {
  id: string;
  email: string;
  name: string;
  age: number;
  team: string;
  tags: Set<string>;
  address: { street: string; city: string; zip: string; country: string };
  roles: Role[];
}

/** What the raw SDK writes: the same plus what the ODMs would add. */
export interface RawUser extends UserInput {
  balance: number;
  createdAt: number;
  updatedAt: number;
}

const CITIES = ["Paris", "Lyon", "Lille", "Nantes", "Bordeaux", "Toulouse", "Nice", "Rennes"];

/** A deterministic user: the same `n` gives the same fields everywhere. */
export function userInput(n: number, prefix = "u"): UserInput {
  return {
    id: `${prefix}${n}`,
    email: `user${n}@example.com`,
    name: `User Number ${n}`,
    age: 18 + (n % 60),
    team: `t${n % TEAMS}`,
    tags: new Set([`tag${n % 7}`, `tag${(n + 3) % 11}`, "member"]),
    address: { street: `${n} rue de la Paix`, city: CITIES[n % CITIES.length] as string, zip: `${75000 + (n % 100)}`, country: "FR" },
    roles: n % 10 === 0 ? ["admin", "viewer"] : ["viewer"],
  };
}

/** The raw SDK's item for `n` (timestamps set by the caller, as raw code must). */
export function rawUser(n: number, prefix = "u", now = Date.now()): RawUser {
  return { ...userInput(n, prefix), balance: 0, createdAt: now, updatedAt: now };
}

/** The partitioned table of the query-200-partitions and paged-scan workloads: PARTITIONS teams of PER_PARTITION users. */
export const PARTITIONS = 200;
export const PER_PARTITION = 10;

/** The User definition keyed by `team` (hash) and `id` (range), for the partitioned table. */
export function partitionDefinition() {
  const { id: _id, team: _team, ...rest } = userDefinition();
  return { team: { type: String, hashKey: true }, id: { type: String, rangeKey: true }, ...rest };
}

/** User `n` of the partitioned table: partition `p${⌊n / PER_PARTITION⌋}`. */
export function partitionUser(n: number, now = Date.now()): RawUser {
  return { ...rawUser(n, "u", now), team: `p${Math.floor(n / PER_PARTITION)}` };
}
