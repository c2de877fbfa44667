/**
 * DynamoDB-Toolbox v2's User, written the way its docs recommend: a `Table` (the key schema and the `team-index`
 * GSI) and an `Entity` with an `item({...})` schema, imported from the per-feature entry points.
 *
 * Stored like the others' items: `entityAttribute: false` (no `_et`) and Toolbox's own timestamps off (they are ISO
 * strings named `_ct`/`_md`), replaced by `createdAt`/`updatedAt` numbers with put and update defaults, which is what
 * Dynamoose and dynamodel store. So DynamoDB stores and reads the same bytes for all five contenders.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Entity } from "dynamodb-toolbox/entity";
import { item } from "dynamodb-toolbox/schema/item";
import { list } from "dynamodb-toolbox/schema/list";
import { map } from "dynamodb-toolbox/schema/map";
import { number } from "dynamodb-toolbox/schema/number";
import { set } from "dynamodb-toolbox/schema/set";
import { string } from "dynamodb-toolbox/schema/string";
import { Table } from "dynamodb-toolbox/table";
import { ROLES } from "../fixtures.js";

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

/** The User attributes but the keys (shared by the id-keyed and the team/id-keyed entities). */
const userAttributes = {
  email: string().validate((value) => EMAIL.test(value)),
  name: string().optional(),
  age: number()
    .optional()
    .validate((value) => value >= 0 && value < 150),
  tags: set(string()).optional(),
  address: map({
    street: string().optional(),
    city: string().optional(),
    zip: string().optional(),
    country: string().default("FR"),
  }).optional(),
  roles: list(string().enum(...ROLES)).optional(),
  balance: number().default(0),
  createdAt: number().default(() => Date.now()),
  updatedAt: number()
    .default(() => Date.now())
    .updateDefault(() => Date.now()),
};

const noToolboxAttributes = { entityAttribute: false, timestamps: false } as const;

/** The User table (`id` hash key, `team-index` GSI on `team`) and its entity. */
export function toolboxUser(documentClient: DynamoDBDocumentClient, name: string) {
  const table = new Table({
    name,
    documentClient,
    partitionKey: { name: "id", type: "string" },
    indexes: { "team-index": { type: "global", partitionKey: { name: "team", type: "string" } } },
  });
  const entity = new Entity({
    name: "User",
    table,
    schema: item({ id: string().key(), team: string().optional(), ...userAttributes }),
    ...noToolboxAttributes,
  });
  return { table, entity };
}

/** The partitioned table (`team` hash, `id` range) and its entity. */
export function toolboxPartitionUser(documentClient: DynamoDBDocumentClient, name: string) {
  const table = new Table({
    name,
    documentClient,
    partitionKey: { name: "team", type: "string" },
    sortKey: { name: "id", type: "string" },
  });
  const entity = new Entity({
    name: "User",
    table,
    schema: item({ team: string().key(), id: string().key(), ...userAttributes }),
    ...noToolboxAttributes,
  });
  return { table, entity };
}

/** The User entity's type (for the workloads' signatures). */
export type ToolboxUser = ReturnType<typeof toolboxUser>;
/** The partitioned User entity's type. */
export type ToolboxPartitionUser = ReturnType<typeof toolboxPartitionUser>;
