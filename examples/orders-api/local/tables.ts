/**
 * Creates the app's tables in DynamoDB Local from the same description the CDK app deploys (`src/tables.ts`):
 * keys, the GSI and TTL on the orders' `expiresAt`.
 */
import type { AttributeDefinition, DynamoDB } from "@aws-sdk/client-dynamodb";
import { type KeyAttribute, type TableSpec, tables } from "../src/tables.js";

const keySchema = (hash: KeyAttribute, range?: KeyAttribute) => [
  { AttributeName: hash.name, KeyType: "HASH" as const },
  ...(range ? [{ AttributeName: range.name, KeyType: "RANGE" as const }] : []),
];

function attributeDefinitions(spec: TableSpec): AttributeDefinition[] {
  const all = [spec.hashKey, spec.rangeKey, ...spec.globalIndexes.flatMap((index) => [index.hashKey, index.rangeKey])];
  const byName = new Map(all.filter((key): key is KeyAttribute => key !== undefined).map((key) => [key.name, key.type]));
  return [...byName].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
}

/** Creates every table (named `prefix + id`) and enables TTL where the description asks; returns the names by env variable. */
export async function createTables(client: DynamoDB, prefix: string): Promise<Record<TableSpec["env"], string>> {
  const names = {} as Record<TableSpec["env"], string>;
  for (const spec of tables) {
    const TableName = `${prefix}${spec.id}`;
    await client.createTable({
      TableName,
      BillingMode: "PAY_PER_REQUEST",
      KeySchema: keySchema(spec.hashKey, spec.rangeKey),
      AttributeDefinitions: attributeDefinitions(spec),
      ...(spec.globalIndexes.length
        ? {
            GlobalSecondaryIndexes: spec.globalIndexes.map((index) => ({
              IndexName: index.name,
              KeySchema: keySchema(index.hashKey, index.rangeKey),
              Projection: { ProjectionType: "ALL" as const },
            })),
          }
        : {}),
    });
    if (spec.ttlAttribute)
      await client.updateTimeToLive({ TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: spec.ttlAttribute } });
    names[spec.env] = TableName;
  }
  return names;
}
