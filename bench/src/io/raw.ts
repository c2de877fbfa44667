/**
 * The raw SDK's side of the DynamoDB Local workloads: the DocumentClient (`@aws-sdk/lib-dynamodb`), with the
 * expressions, timestamps, paging, batch splitting and retries written by hand, as correct raw code must.
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
} from "@aws-sdk/lib-dynamodb";
import { PARTITIONS, TEAMS, rawUser } from "../fixtures.js";
import {
  BATCH,
  BULK_TRANSACTIONS,
  type BulkOperations,
  CONCURRENCY,
  MIN_AGE,
  type Operations,
  SCAN_PAGE,
  accountIds,
  seededId,
  tables,
} from "../lib/io-operations.js";
import { localClientConfig } from "../lib/local-tables.js";
import type { ContenderName } from "../lib/report.js";
import { pool } from "../lib/timing.js";

/** The raw SDK's single-request operations. */
export function rawOperations(endpoint: string): Operations {
  const { read, write } = tables("raw");
  const doc = DynamoDBDocumentClient.from(new DynamoDB(localClientConfig(endpoint)), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const stamp = (n: number, id: string) => {
    const now = Date.now();
    return { ...rawUser(n), id, createdAt: now, updatedAt: now };
  };
  const putCondition = { ConditionExpression: "attribute_not_exists(#id)", ExpressionAttributeNames: { "#id": "id" } };
  return {
    put: (id, n) => doc.send(new PutCommand({ TableName: write, Item: stamp(n, id), ...putCondition })),
    get: (i) => doc.send(new GetCommand({ TableName: read, Key: { id: seededId(i) } })),
    update: (i) =>
      doc.send(
        new UpdateCommand({
          TableName: write,
          Key: { id: seededId(i) },
          UpdateExpression: "SET #name = :name, #updatedAt = :now ADD #balance :inc",
          ConditionExpression: "#age >= :min",
          ExpressionAttributeNames: { "#name": "name", "#updatedAt": "updatedAt", "#balance": "balance", "#age": "age" },
          ExpressionAttributeValues: { ":name": `Renamed ${i}`, ":now": Date.now(), ":inc": 1, ":min": 18 },
          ReturnValues: "ALL_NEW",
        }),
      ),
    query: (i) =>
      doc.send(
        new QueryCommand({
          TableName: read,
          IndexName: "team-index",
          KeyConditionExpression: "#team = :team",
          FilterExpression: "#age >= :age AND contains(#tags, :tag) AND #balance >= :balance",
          ExpressionAttributeNames: { "#team": "team", "#age": "age", "#tags": "tags", "#balance": "balance" },
          ExpressionAttributeValues: { ":team": `t${i % TEAMS}`, ":age": 18, ":tag": "member", ":balance": 0 },
        }),
      ),
    scan: () =>
      doc.send(
        new ScanCommand({
          TableName: read,
          FilterExpression: "#age >= :age",
          ExpressionAttributeNames: { "#age": "age" },
          ExpressionAttributeValues: { ":age": 18 },
        }),
      ),
    batchPut: (ids, first) =>
      doc.send(new BatchWriteCommand({ RequestItems: { [write]: ids.map((id, k) => ({ PutRequest: { Item: stamp(first + k, id) } })) } })),
    transaction: ([a, b], i) => {
      const now = Date.now();
      return doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: write, Item: stamp(i, `tx-${i}-a-${now}`), ...putCondition } },
            { Put: { TableName: write, Item: stamp(i + 1, `tx-${i}-b-${now}`), ...putCondition } },
            {
              Update: {
                TableName: write,
                Key: { id: a },
                UpdateExpression: "SET #updatedAt = :now ADD #balance :inc",
                ExpressionAttributeNames: { "#updatedAt": "updatedAt", "#balance": "balance" },
                ExpressionAttributeValues: { ":now": now, ":inc": 1 },
              },
            },
            {
              ConditionCheck: {
                TableName: write,
                Key: { id: b },
                ConditionExpression: "#balance >= :zero",
                ExpressionAttributeNames: { "#balance": "balance" },
                ExpressionAttributeValues: { ":zero": 0 },
              },
            },
          ],
        }),
      );
    },
  };
}

/** The raw SDK's bulk jobs (on the tables of `tablesOf`: the A/B tool can swap them). */
export function rawBulk(endpoint: string, tablesOf: ContenderName = "raw"): BulkOperations {
  const { write, part } = tables(tablesOf);
  const doc = DynamoDBDocumentClient.from(new DynamoDB(localClientConfig(endpoint)), {
    marshallOptions: { removeUndefinedValues: true },
  });
  const stamp = (n: number, id: string, now = Date.now()) => ({ ...rawUser(n), id, createdAt: now, updatedAt: now });
  const putCondition = { ConditionExpression: "attribute_not_exists(#id)", ExpressionAttributeNames: { "#id": "id" } };
  const addOne = (id: string, now: number) => ({
    Update: {
      TableName: write,
      Key: { id },
      UpdateExpression: "SET #updatedAt = :now ADD #balance :inc",
      ExpressionAttributeNames: { "#updatedAt": "updatedAt", "#balance": "balance" },
      ExpressionAttributeValues: { ":now": now, ":inc": 1 },
    },
  });
  return {
    query200: async () => {
      const items: unknown[] = [];
      await pool(PARTITIONS, CONCURRENCY, async (p) => {
        const output = await doc.send(
          new QueryCommand({
            TableName: part,
            KeyConditionExpression: "#team = :team",
            FilterExpression: "#age >= :age AND contains(#tags, :tag) AND #balance >= :balance",
            ExpressionAttributeNames: { "#team": "team", "#age": "age", "#tags": "tags", "#balance": "balance" },
            ExpressionAttributeValues: { ":team": `p${p}`, ":age": MIN_AGE, ":tag": "member", ":balance": 0 },
          }),
        );
        items.push(...(output.Items ?? []));
      });
      return items;
    },
    scanPaged: async () => {
      const items: unknown[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const output = await doc.send(new ScanCommand({ TableName: part, Limit: SCAN_PAGE, ExclusiveStartKey: start }));
        items.push(...(output.Items ?? []));
        start = output.LastEvaluatedKey;
      } while (start);
      return items;
    },
    batchPut2000: async (ids, first) => {
      const now = Date.now();
      const requests = ids.map((id, k) => ({ PutRequest: { Item: stamp(first + k, id, now) } }));
      await pool(Math.ceil(requests.length / BATCH), CONCURRENCY, async (c) => {
        // What correct raw code does: re-send what DynamoDB left unprocessed (DynamoDB Local never leaves any).
        let pending: unknown[] | undefined = requests.slice(c * BATCH, (c + 1) * BATCH);
        while (pending && pending.length > 0) {
          const output: BatchWriteCommandOutput = await doc.send(new BatchWriteCommand({ RequestItems: { [write]: pending as never } }));
          pending = output.UnprocessedItems?.[write];
        }
      });
    },
    transactions100: (seq) =>
      pool(BULK_TRANSACTIONS, CONCURRENCY, (t) => {
        const now = Date.now();
        const [a, b] = accountIds(t);
        return doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: write, Item: stamp(t, `txb-${seq}-${t}-a`, now), ...putCondition } },
              { Put: { TableName: write, Item: stamp(t + 1, `txb-${seq}-${t}-b`, now), ...putCondition } },
              addOne(a, now),
              addOne(b, now),
            ],
          }),
        );
      }),
  };
}
