import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { createRawTable } from "../support/seed.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
  dynamodel.retry.set({ baseDelay: 1, maxDelay: 4 });
});

const schema = new dynamodel.Schema(
  {
    id: { type: String, hashKey: true },
    n: { type: Number, required: true, validate: (v: unknown) => (v as number) >= 0 },
    at: Date,
    tag: { type: String, default: "none" },
  },
  { timestamps: true },
);

describe("batchPut / batchGet / batchDelete against DynamoDB Local", () => {
  const Thing = dynamodel.model(tableName("Thing"), schema);
  const ids = Array.from({ length: 260 }, (_, i) => `t${i}`);

  it("writes more than 25 items through the save pipeline and reads more than 100 back in the order asked", async () => {
    const result = await Thing.batchPut(ids.map((id, i) => ({ id, n: i, at: new Date(i * 1000) })));
    expect(result).toEqual({ unprocessedItems: [] });
    const asked = [...ids].reverse().concat(["missing-1"]);
    const items = await Thing.batchGet(asked);
    expect(items.map((item) => item.id)).toEqual([...ids].reverse());
    expect(items.unprocessedKeys).toEqual([]);
    const first = items[items.length - 1];
    expect(first?.at).toEqual(new Date(0));
    expect(first?.tag).toBe("none");
    expect(first?.createdAt).toBeInstanceOf(Date);
    expect(items.toJSON()[0]).toMatchObject({ id: "t259", n: 259 });
  });

  it("builds the requests without sending: one Dynamoose-shaped input, or the chunks actually sent", async () => {
    const request = await Thing.batchPut([{ id: "r1", n: 1 }], { return: "request" });
    expect(Object.keys(request.RequestItems ?? {})).toEqual([Thing.table().name]);
    expect(request.RequestItems?.[Thing.table().name]?.[0]?.PutRequest?.Item).toMatchObject({
      id: { S: "r1" },
      n: { N: "1" },
      tag: { S: "none" },
    });
    const requests = await Thing.batchPut(
      ids.map((id, i) => ({ id, n: i })),
      { return: "requests" },
    );
    expect(requests.map((r) => r.RequestItems?.[Thing.table().name]?.length)).toEqual([...Array(10).fill(25), 10]);
    const gets = await Thing.batchGet(ids, { return: "requests", attributes: ["n"], consistent: true });
    expect(gets.map((r) => r.RequestItems?.[Thing.table().name]?.Keys?.length)).toEqual([100, 100, 60]);
    expect(gets[0]?.RequestItems?.[Thing.table().name]).toMatchObject({ ConsistentRead: true, ProjectionExpression: expect.any(String) });
    const deletes = await Thing.batchDelete(["a", "b"], { return: "request" });
    expect(deletes.RequestItems?.[Thing.table().name]).toEqual([
      { DeleteRequest: { Key: { id: { S: "a" } } } },
      { DeleteRequest: { Key: { id: { S: "b" } } } },
    ]);
  });

  it("reads only the attributes asked, plus the key", async () => {
    const [item] = await Thing.batchGet(["t3"], { attributes: ["n"] });
    expect({ ...item }).toEqual({ id: "t3", n: 3 });
  });

  it("refuses duplicate keys and invalid items before writing anything", async () => {
    await expect(Thing.batchGet(["t1", { id: "t1" }])).rejects.toMatchObject({ name: "InvalidParameter", code: "duplicate_key" });
    await expect(
      Thing.batchPut([
        { id: "d1", n: 1 },
        { id: "d1", n: 2 },
      ]),
    ).rejects.toMatchObject({ code: "duplicate_key" });
    await expect(Thing.batchDelete(["d1", "d1"])).rejects.toMatchObject({ code: "duplicate_key" });
    await expect(
      Thing.batchPut([
        { id: "v1", n: 1 },
        { id: "v2", n: -1 },
      ]),
    ).rejects.toMatchObject({ name: "ValidationError" });
    expect(await Thing.get("v1")).toBeUndefined();
  });

  it("deletes many keys and supports callbacks", async () => {
    const deleted = await new Promise<unknown>((resolve, reject) => {
      Thing.batchDelete(ids.slice(0, 30), (error, result) => (error ? reject(error) : resolve(result)));
    });
    expect(deleted).toEqual({ unprocessedItems: [] });
    const left = await new Promise<unknown[]>((resolve, reject) => {
      Thing.batchGet(ids.slice(0, 40), {}, (error, result) => (error ? reject(error) : resolve(result ?? [])));
    });
    expect(left.map((item) => (item as { id: string }).id)).toEqual(ids.slice(30, 40));
  });

  it("handles empty lists without a request and refuses a non-array", async () => {
    expect(await Thing.batchPut([])).toEqual({ unprocessedItems: [] });
    const none = await Thing.batchGet([]);
    expect([...none]).toEqual([]);
    await expect(Thing.batchGet("t1" as never)).rejects.toMatchObject({ name: "InvalidParameterType" });
    await expect(Thing.batchPut([{ id: "c1", n: 1 }], { concurrency: 0 })).rejects.toMatchObject({ code: "invalid_concurrency" });
  });
});

describe("batches of a model with a range key and a Date key", () => {
  const Event = dynamodel.model(
    tableName("Event"),
    new dynamodel.Schema({ pk: { type: String, hashKey: true }, at: { type: Date, rangeKey: true }, v: Number }),
  );

  it("matches items to keys by key value, whatever the stored form", async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ pk: "e", at: new Date(1_700_000_000_000 + i), v: i }));
    expect(await Event.batchPut(items)).toEqual({ unprocessedItems: [] });
    const read = await Event.batchGet(items.map(({ pk, at }) => ({ pk, at })).reverse());
    expect(read.map((item) => item.v)).toEqual(items.map((item) => item.v).reverse());
    expect(read[0]?.at).toEqual(new Date(1_700_000_000_029));
  });
});

describe("errors of BatchWriteItem itself", () => {
  it("lets DynamoDB's ValidationException through with its name (as Dynamoose), carrying what was not written", async () => {
    const name = tableName("OtherKey");
    // A table whose key does not match the model: DynamoDB refuses the whole request.
    await createRawTable(localClient(), name, "pk");
    const Mismatched = dynamodel.model(name, new dynamodel.Schema({ id: String, n: Number }), { create: false });
    const put = await Mismatched.batchPut([{ id: "a", n: 1 }]).catch((e: unknown) => e);
    expect(put).toMatchObject({ name: "ValidationException" });
    expect(put).not.toBeInstanceOf(dynamodel.error.BatchIncomplete);
    expect((put as { unprocessed: { id: string }[] }).unprocessed.map((item) => item.id)).toEqual(["a"]);
    const del = await Mismatched.batchDelete(["a", "b"]).catch((e: unknown) => e);
    expect(del).toMatchObject({ name: "ValidationException" });
    expect((del as { unprocessed: unknown[] }).unprocessed).toEqual([{ id: "a" }, { id: "b" }]);
  });
});
