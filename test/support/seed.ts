/**
 * Seeds test tables with the raw SDK (BatchWriteItem in chunks of 25, retrying unprocessed items), so fixtures do not
 * depend on the code under test.
 */
import type { AttributeValue, DynamoDB } from "@aws-sdk/client-dynamodb";

/** Writes `items` to `table` with `concurrency` workers. */
export async function seedTable(
  client: DynamoDB,
  table: string,
  items: readonly Record<string, AttributeValue>[],
  concurrency = 8,
): Promise<void> {
  const chunks: Record<string, AttributeValue>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  const worker = async (): Promise<void> => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const out = await client.batchWriteItem({ RequestItems: { [table]: pending } });
        pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Creates an on-demand table with the raw SDK, keyed by the string attribute `hashKey` (default `id`). */
export async function createRawTable(client: DynamoDB, table: string, hashKey = "id"): Promise<void> {
  await client.createTable({
    TableName: table,
    KeySchema: [{ AttributeName: hashKey, KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: hashKey, AttributeType: "S" }],
    BillingMode: "PAY_PER_REQUEST",
  });
}
