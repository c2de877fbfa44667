/**
 * DynamoDB Local for the I/O workloads: started with the repository's test helper, one read table and one write
 * table per contender (same key schema and `team-index` GSI), created and seeded with the raw SDK so that all three
 * read identical data.
 */
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type LocalDynamoDB, localClientConfig, startLocalDynamoDB } from "../../../test/support/dynamodb-local.js";
import { PARTITIONS, PER_PARTITION, partitionUser, rawUser } from "../fixtures.js";
import { pool } from "./timing.js";

export { localClientConfig, type LocalDynamoDB };

/** Items seeded in every table (ids `u0` … `u319`; 20 per team). */
export const SEEDED = 320;

/** Starts DynamoDB Local (about 4-11 s here). */
export const startLocal = (): Promise<LocalDynamoDB> => startLocalDynamoDB({ readyTimeoutMs: 60_000 });

/** Creates a User table with the `team-index` GSI and seeds it. */
export async function createUserTable(endpoint: string, name: string): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    await client.send(
      new CreateTableCommand({
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
      }),
    );
    const doc = DynamoDBDocumentClient.from(client);
    const now = Date.now();
    for (let start = 0; start < SEEDED; start += 25) {
      const items = Array.from({ length: Math.min(25, SEEDED - start) }, (_, k) => rawUser(start + k, "u", now));
      await doc.send(new BatchWriteCommand({ RequestItems: { [name]: items.map((Item) => ({ PutRequest: { Item } })) } }));
    }
  } finally {
    client.destroy();
  }
}

/**
 * Creates a table keyed by `team` (hash: `p0` … `p199`) and `id` (range), and seeds it with PARTITIONS × PER_PARTITION
 * users (2,000): the query-200-partitions and paged-scan workloads read it.
 */
export async function createPartitionTable(endpoint: string, name: string): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    await client.send(
      new CreateTableCommand({
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
      }),
    );
    const doc = DynamoDBDocumentClient.from(client);
    const now = Date.now();
    const total = PARTITIONS * PER_PARTITION;
    await pool(total / 25, 8, async (b) => {
      const items = Array.from({ length: 25 }, (_, k) => partitionUser(b * 25 + k, now));
      await doc.send(new BatchWriteCommand({ RequestItems: { [name]: items.map((Item) => ({ PutRequest: { Item } })) } }));
    });
  } finally {
    client.destroy();
  }
}
