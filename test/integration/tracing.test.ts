import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { SpanKind, SpanStatusCode, context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClientConfig } from "../support/dynamodb-local.js";
import { type FaultProxy, startFaultProxy } from "../support/fault-proxy.js";
import { endpoint, localClient, tableName } from "../support/local.js";

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer("test");
let proxy: FaultProxy;

beforeAll(async () => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
  proxy = await startFaultProxy(endpoint());
  dynamodel.aws.ddb.set(localClient());
  dynamodel.retry.set({ baseDelay: 1, maxDelay: 4 });
});
afterEach(() => {
  exporter.reset();
  proxy.reset();
  dynamodel.aws.ddb.set(localClient());
});
afterAll(async () => {
  trace.disable();
  context.disable();
  await provider.shutdown();
  await proxy.close();
});

const schema = new dynamodel.Schema({
  id: { type: String, hashKey: true },
  team: { type: String, index: { name: "teamIndex", type: "global" } },
  n: Number,
});
const User = dynamodel.model(tableName("TraceUser"), schema);
const Other = dynamodel.model(tableName("TraceOther"), schema);

/** The spans of DynamoDB requests of one operation (table setup requests left out). */
const spans = (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((span) => span.name === name);

describe("one span per DynamoDB request", () => {
  it("a get is a CLIENT span named per the AWS SDK conventions, a child of the caller's active span", async () => {
    await User.create({ id: "u1", team: "red", n: 1 });
    exporter.reset();
    const parentId = await tracer.startActiveSpan("handler", async (parent) => {
      await User.get("u1", { consistent: true });
      parent.end();
      return parent.spanContext().spanId;
    });
    const [span] = spans("DynamoDB.GetItem");
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.parentSpanContext?.spanId).toBe(parentId);
    expect(span?.attributes).toMatchObject({
      "db.system": "dynamodb",
      "db.operation": "GetItem",
      "rpc.system": "aws-api",
      "rpc.service": "DynamoDB",
      "rpc.method": "GetItem",
      "aws.dynamodb.table_names": [User.table().name],
      "aws.dynamodb.consistent_read": true,
      "http.request.resend_count": 0,
    });
    expect(span?.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it("a query carries the index, the counts and the consumed capacity", async () => {
    await User.query("team").eq("red").returnConsumedCapacity("INDEXES").exec();
    const [span] = spans("DynamoDB.Query");
    expect(span?.attributes).toMatchObject({
      "aws.dynamodb.index_name": "teamIndex",
      "aws.dynamodb.count": 1,
      "aws.dynamodb.scanned_count": 1,
    });
    const capacity = ((span?.attributes["aws.dynamodb.consumed_capacity"] ?? []) as string[]).map((entry) => JSON.parse(entry));
    expect(capacity).toEqual([
      expect.objectContaining({ TableName: User.table().name, GlobalSecondaryIndexes: { teamIndex: { CapacityUnits: 0.5 } } }),
    ]);
  });

  it("a batch: one span per request sent, with its item and unprocessed counts, and the SDK's retries", async () => {
    dynamodel.aws.ddb.set(new DynamoDB({ ...localClientConfig(proxy.endpoint), maxAttempts: 3 }));
    proxy.script("BatchWriteItem", [{ kind: "unprocessed", fraction: 0.4 }, { kind: "throttle" }]);
    const items = Array.from({ length: 25 }, (_, i) => ({ id: `b${i}`, n: i }));
    await User.batchPut(items);
    const sent = spans("DynamoDB.BatchWriteItem");
    expect(sent.map((span) => [span.attributes["dynamodel.item_count"], span.attributes["dynamodel.unprocessed_count"]])).toEqual([
      [25, 10],
      [10, 0],
    ]);
    // The re-send of the 10 was throttled once and retried by the SDK: one span, one resend.
    expect(sent[1]?.attributes["http.request.resend_count"]).toBe(1);
    expect(proxy.count("BatchWriteItem")).toBe(3);
  });

  it("a transaction names every table; a refused write is an error span", async () => {
    await dynamodel.transaction([User.transaction.create({ id: "t1" }), Other.transaction.create({ id: "t1" })]);
    const [span] = spans("DynamoDB.TransactWriteItems");
    expect([...((span?.attributes["aws.dynamodb.table_names"] ?? []) as string[])].sort()).toEqual(
      [User.table().name, Other.table().name].sort(),
    );
    expect(span?.attributes["dynamodel.item_count"]).toBe(2);
    await expect(User.create({ id: "t1" })).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    const [failed] = spans("DynamoDB.PutItem");
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed?.attributes["error.type"]).toBe("ConditionalCheckFailedException");
    expect(failed?.events.map((event) => event.name)).toContain("exception");
  });
});
