/** The paging engine against a fake client: the Limit of each request, all()'s request cap, and lazy iteration. */
import type { QueryCommandInput } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../../src/index.js";

const sent: QueryCommandInput[] = [];
const ITEMS = 20;

/** Items n = 0..19 of partition "a"; the filter (if any) keeps even n; Limit counts items read. */
const fake = {
  describeTable: async () => ({ Table: { TableStatus: "ACTIVE", GlobalSecondaryIndexes: [] } }),
  query: async (input: QueryCommandInput) => {
    sent.push(input);
    const start = input.ExclusiveStartKey ? Number(input.ExclusiveStartKey["n"]?.N) + 1 : 0;
    const end = Math.min(ITEMS, start + (input.Limit ?? ITEMS));
    const read = Array.from({ length: end - start }, (_, i) => start + i);
    const kept = input.FilterExpression ? read.filter((n) => n % 2 === 0) : read;
    return {
      Items: kept.map((n) => ({ id: { S: "a" }, n: { N: String(n) } })),
      Count: kept.length,
      ScannedCount: read.length,
      ...(end < ITEMS || input.Limit === end - start ? { LastEvaluatedKey: { id: { S: "a" }, n: { N: String(end - 1) } } } : {}),
    };
  },
};

const Thing = dynamodel.model(
  "PagingUnitThing",
  new dynamodel.Schema({ id: { type: String, hashKey: true }, n: { type: Number, rangeKey: true }, flag: Boolean }),
);

beforeAll(() => {
  dynamodel.aws.ddb.set(fake as never);
});

const limits = (from: number): (number | undefined)[] => sent.slice(from).map((i) => i.Limit);

describe("paging", () => {
  it("all() with limit sends limit in every request and follows lastKey to the end", async () => {
    const from = sent.length;
    const result = await Thing.query("id").eq("a").where("flag").eq(true).limit(6).all().exec();
    expect(result.map((i) => i.n)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(limits(from)).toEqual([6, 6, 6, 6]); // reads 0-5, 6-11, 12-17, 18-19
    expect(result.timesQueried).toBe(4);
    expect(result.count).toBe(10);
    expect(result.queriedCount).toBe(20);
    expect(result.lastKey).toBeUndefined();
  });

  it("all(delay, max) stops after max requests and keeps the last lastKey", async () => {
    const from = sent.length;
    const result = await Thing.query("id").eq("a").limit(6).all(0, 2).exec();
    expect(limits(from)).toEqual([6, 6]);
    expect(result.length).toBe(12);
    expect(result.timesQueried).toBe(2);
    expect(result.lastKey).toEqual({ id: "a", n: 11 });
  });

  it("pages() keeps limit as the page size and follows to the end", async () => {
    const from = sent.length;
    const sizes: number[] = [];
    for await (const page of Thing.query("id").eq("a").limit(8).pages()) sizes.push(page.length);
    expect(sizes).toEqual([8, 8, 4]);
    expect(limits(from)).toEqual([8, 8, 8]);
  });

  it("break stops the requests; the builder can be reused after a run", async () => {
    const query = Thing.query("id").eq("a").limit(5);
    const from = sent.length;
    for await (const item of query) if (item.n === 6) break;
    expect(sent.length - from).toBe(2);
    expect((await query.exec()).length).toBe(5);
  });

  it("a run takes a snapshot: later chain calls do not change it", async () => {
    const query = Thing.query("id").eq("a").limit(3);
    const pending = query.exec();
    query.limit(4);
    expect((await pending).length).toBe(3);
  });
});
