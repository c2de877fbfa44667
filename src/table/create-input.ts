/**
 * Builds the CreateTable request of a table from the schemas of its models.
 *
 * @module
 * @internal
 */
import type {
  AttributeDefinition,
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  LocalSecondaryIndex,
  Projection,
  ProvisionedThroughput,
} from "@aws-sdk/client-dynamodb";
import { InvalidParameter } from "../errors.js";
import type { IndexProjection, Throughput } from "../schema/definition.js";
import type { Schema } from "../schema/schema.js";
import type { TableOptions } from "./options.js";

/** Provisioned throughput in DynamoDB's form. */
export function provisioned(throughput: Throughput): ProvisionedThroughput {
  return typeof throughput === "number"
    ? { ReadCapacityUnits: throughput, WriteCapacityUnits: throughput }
    : { ReadCapacityUnits: throughput.read, WriteCapacityUnits: throughput.write };
}

/** An index projection in DynamoDB's form. */
export function projection(project: IndexProjection): Projection {
  if (project === true) return { ProjectionType: "ALL" };
  if (project === false) return { ProjectionType: "KEYS_ONLY" };
  return { ProjectionType: "INCLUDE", NonKeyAttributes: [...project] };
}

/** The CreateTable input for `name` holding items of these schemas. */
export function createTableInput(name: string, schemas: readonly Schema[], options: TableOptions): CreateTableCommandInput {
  const first = schemas[0];
  if (!first) throw new InvalidParameter(`Table ${name} has no models.`, { code: "invalid_table" });
  const onDemand = options.throughput === "ON_DEMAND";
  const definitions = new Map<string, AttributeDefinition>();
  const define = (attribute: string, schema: Schema): void => {
    const type = schema.keyType(attribute);
    const existing = definitions.get(attribute);
    if (existing && existing.AttributeType !== type) {
      throw new InvalidParameter(`You can not have multiple types for attribute definition: ${attribute}.`, {
        code: "invalid_table",
        path: attribute,
      });
    }
    definitions.set(attribute, { AttributeName: attribute, AttributeType: type });
  };
  define(first.hashKey, first);
  if (first.rangeKey) define(first.rangeKey, first);

  const globals = new Map<string, GlobalSecondaryIndex>();
  const locals = new Map<string, LocalSecondaryIndex>();
  for (const schema of schemas) {
    for (const index of schema.indexes()) {
      define(index.hashKey, schema);
      if (index.rangeKey) define(index.rangeKey, schema);
      const keySchema = [
        { AttributeName: index.hashKey, KeyType: "HASH" as const },
        ...(index.rangeKey ? [{ AttributeName: index.rangeKey, KeyType: "RANGE" as const }] : []),
      ];
      if (index.type === "global") {
        const throughput = index.throughput ?? (onDemand ? undefined : (options.throughput as Throughput));
        globals.set(index.name, {
          IndexName: index.name,
          KeySchema: keySchema,
          Projection: projection(index.project),
          ...(throughput !== undefined && !onDemand ? { ProvisionedThroughput: provisioned(throughput) } : {}),
        });
      } else {
        locals.set(index.name, { IndexName: index.name, KeySchema: keySchema, Projection: projection(index.project) });
      }
    }
  }

  const tags = Object.entries(options.tags);
  return {
    TableName: name,
    AttributeDefinitions: [...definitions.values()],
    KeySchema: [
      { AttributeName: first.hashKey, KeyType: "HASH" },
      ...(first.rangeKey ? [{ AttributeName: first.rangeKey, KeyType: "RANGE" as const }] : []),
    ],
    ...(onDemand ? { BillingMode: "PAY_PER_REQUEST" as const } : { ProvisionedThroughput: provisioned(options.throughput as Throughput) }),
    ...(globals.size > 0 ? { GlobalSecondaryIndexes: [...globals.values()] } : {}),
    ...(locals.size > 0 ? { LocalSecondaryIndexes: [...locals.values()] } : {}),
    ...(tags.length > 0 ? { Tags: tags.map(([Key, Value]) => ({ Key, Value })) } : {}),
    ...(options.tableClass === "infrequentAccess" ? { TableClass: "STANDARD_INFREQUENT_ACCESS" as const } : {}),
    ...(options.streamOptions?.enabled
      ? { StreamSpecification: { StreamEnabled: true, StreamViewType: options.streamOptions.type ?? "NEW_AND_OLD_IMAGES" } }
      : {}),
  };
}
