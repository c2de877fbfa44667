/**
 * DynamoDB Local for the I/O workloads: started with the repository's test helper, one read table and one write
 * table per contender (same key schema and `team-index` GSI), created and seeded with the raw SDK so that all three
 * read identical data.
 */
import { CreateTableCommand, type CreateTableCommandInput, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type LocalDynamoDB, localClientConfig, startLocalDynamoDB } from "../../../test/support/dynamodb-local.js";
import { PARTITIONS, PER_PARTITION, partitionUser, rawUser } from "../fixtures.js";
import { pool } from "./timing.js";

export { localClientConfig, type LocalDynamoDB };

/** Items seeded in every table (ids `u0` … `u319`; 20 per team). */
export const SEEDED = 320;

/** Starts DynamoDB Local (about 4-11 s here). */
export const startLocal = (): Promise<LocalDynamoDB> => startLocalDynamoDB({ readyTimeoutMs: 60_000 });

/** Creates a table and seeds it with `total` items made by `item(i, now)`, 25 per BatchWriteItem, 8 at a time. */
async function createSeededTable(
  endpoint: string,
  input: CreateTableCommandInput,
  total: number,
  item: (index: number, now: number) => object,
): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    await client.send(new CreateTableCommand(input));
    const doc = DynamoDBDocumentClient.from(client);
    const now = Date.now();
    await pool(Math.ceil(total / 25), 8, async (b) => {
      const items = Array.from({ length: Math.min(25, total - b * 25) }, (_, k) => item(b * 25 + k, now));
      await doc.send(new BatchWriteCommand({ RequestItems: { [input.TableName as string]: items.map((Item) => ({ PutRequest: { Item } })) } }));
    });
  } finally {
    client.destroy();
  }
}

/**
 * Creates a User table with the `team-index` GSI and seeds it. `extra`: attributes added to every seeded item
 * (ElectroDB's identifiers, which it writes on every item and filters its reads on).
 */
export function createUserTable(endpoint: string, name: string, extra: Readonly<Record<string, string>> = {}): Promise<void> {
  return createSeededTable(
    endpoint,
    {
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "id", AttributeType: "S" },
        { AttributeName: "team", AttributeType: "S" },
      ],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      GlobalSecondaryIndexes: [
        { IndexName: "team-index", KeySchema: [{ AttributeName: "team", KeyType: "HASH" }], Projection: { ProjectionType: "ALL" } },
      ],
    },
    SEEDED,
    (i, now) => ({ ...rawUser(i, "u", now), ...extra }),
  );
}

/**
 * Creates a table keyed by `team` (hash: `p0` … `p199`) and `id` (range), and seeds it with PARTITIONS × PER_PARTITION
 * users (2,000): the query-200-partitions and paged-scan workloads read it.
 */
export function createPartitionTable(endpoint: string, name: string, extra: Readonly<Record<string, string>> = {}): Promise<void> {
  return createSeededTable(
    endpoint,
    {
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "team", AttributeType: "S" },
        { AttributeName: "id", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "team", KeyType: "HASH" },
        { AttributeName: "id", KeyType: "RANGE" },
      ],
    },
    PARTITIONS * PER_PARTITION,
    (i, now) => ({ ...partitionUser(i, now), ...extra }),
  );
}
