/**
 * ElectroDB's User, written the way its docs recommend: `new Entity({model, attributes, indexes})`, with the
 * index keys composed from attributes. The tables are the other contenders' (hash `id`; or hash `team` and range
 * `id`; the `team-index` GSI on `team`), so the index fields reference those attributes directly (ElectroDB's
 * "attributes as indexes": a key field named like an attribute that is its only composite is stored unprefixed).
 *
 * What ElectroDB still adds to every item it writes: its identifiers `__edb_e__` ("user") and `__edb_v__` ("1"),
 * which its reads filter on (items without them are not returned). The seeded items of its tables carry them too.
 * Timestamps: `createdAt`/`updatedAt` numbers, the pattern its docs give (a `readOnly` default, and a `watch: "*"`
 * setter), which is what Dynamoose and dynamodel store.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Entity, Service } from "electrodb";
import { ROLES } from "../fixtures.js";

/** The attributes ElectroDB adds to each item it writes, with their values. */
export const ELECTRODB_IDENTIFIERS = { __edb_e__: "user", __edb_v__: "1" } as const;

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

const attributes = {
  id: { type: "string", required: true },
  team: { type: "string" },
  email: { type: "string", required: true, validate: EMAIL },
  name: { type: "string" },
  age: { type: "number", validate: (value: number) => value >= 0 && value < 150 },
  tags: { type: "set", items: "string" },
  address: {
    type: "map",
    properties: { street: { type: "string" }, city: { type: "string" }, zip: { type: "string" }, country: { type: "string", default: "FR" } },
  },
  // Its typings take no enum for list items (a set or string attribute can have one): checked by a validator.
  roles: { type: "list", items: { type: "string", validate: (role: string) => (ROLES as readonly string[]).includes(role) } },
  balance: { type: "number", default: 0 },
  createdAt: { type: "number", readOnly: true, default: () => Date.now(), set: () => Date.now() },
  updatedAt: { type: "number", readOnly: true, watch: "*", default: () => Date.now(), set: () => Date.now() },
} as const;

const model = { entity: "user", version: "1", service: "bench" } as const;

/** The User entity over an `id`-keyed table with the `team-index` GSI. */
export function electroUser(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model,
      attributes,
      indexes: {
        byId: { pk: { field: "id", composite: ["id"] } },
        byTeam: { index: "team-index", pk: { field: "team", composite: ["team"] } },
      },
    },
    { client, table },
  );
}

/** The User entity over the partitioned table (`team` hash, `id` range). */
export function electroPartitionUser(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    { model, attributes, indexes: { byTeam: { pk: { field: "team", composite: ["team"] }, sk: { field: "id", composite: ["id"] } } } },
    { client, table },
  );
}

/** A Service over the User entity: ElectroDB's transactions are written through one. */
export function electroService(user: ReturnType<typeof electroUser>) {
  return new Service({ user });
}

/** The User entity's type. */
export type ElectroUser = ReturnType<typeof electroUser>;
/** The partitioned User entity's type. */
export type ElectroPartitionUser = ReturnType<typeof electroPartitionUser>;
