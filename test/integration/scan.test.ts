/**
 * Scan against DynamoDB Local: 2,400 items of ~1 KB (several 1 MB pages without any limit), parallel
 * segments, lazy iteration and start keys.
 */
import type { DynamoDB } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { seedTable } from "../support/seed.js";

const COUNT = 2400;
const PAD = "x".repeat(1000);
const rows = Array.from({ length: COUNT }, (_, n) => ({
  id: `i${String(n).padStart(5, "0")}`,
  n,
  g: n % 10,
  kind: n % 3 === 0 ? "a" : "b",
  pad: PAD,
}));

const requests = { scan: 0 };

/** The local client, counting Scan requests. */
function countingClient(): DynamoDB {
  const client = localClient();
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop === "scan") {
        return (input: unknown) => {
          requests.scan++;
          return (value as (i: unknown) => Promise<unknown>).call(target, input);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const Row = dynamodel.model(
  tableName("ScanRow"),
  new dynamodel.Schema({
    id: { type: String, hashKey: true },
    n: Number,
    g: Number,
    kind: { type: String, index: { name: "kindIndex", rangeKey: "n", project: ["g"] } },
    pad: String,
  }),
);

const sortedIds = (items: readonly { id?: unknown }[]): string[] => items.map((i) => String(i.id)).sort();
const allIds = rows.map((r) => r.id);

beforeAll(async () => {
  const client = countingClient();
  dynamodel.aws.ddb.set(client);
  await Row.table().initialize();
  await seedTable(
    client,
    Row.table().name,
    rows.map((r) => marshall(r)),
  );
}, 60_000);

describe("scan pages", () => {
  it("one exec() reads one 1 MB page and says where to continue", async () => {
    const page = await Row.scan().exec();
    expect(page.length).toBeGreaterThan(0);
    expect(page.length).toBeLessThan(COUNT);
    expect(page.count).toBe(page.length);
    expect(page.scannedCount).toBe(page.length);
    expect(page.timesScanned).toBe(1);
    expect(page.lastKey).toMatchObject({ id: expect.any(String) });
    const rest = await Row.scan().startAt(page.lastKey).all().exec();
    expect(sortedIds([...page, ...rest])).toEqual(allIds);
  });

  it("all() follows every page; counts are summed", async () => {
    const result = await Row.scan().all().exec();
    expect(sortedIds(result)).toEqual(allIds);
    expect(result.timesScanned).toBeGreaterThanOrEqual(3);
    expect(result.count).toBe(COUNT);
    expect(result.scannedCount).toBe(COUNT);
    expect(result.lastKey).toBeUndefined();
  });

  it("filters after reading; count() sums pages", async () => {
    const result = await Row.scan("g")
      .eq(3)
      .and()
      .parenthesis((c) => c.where("kind").eq("a").or().where("n").lt(100))
      .all()
      .exec();
    const expected = rows.filter((r) => r.g === 3 && (r.kind === "a" || r.n < 100)).map((r) => r.id);
    expect(sortedIds(result)).toEqual(expected);
    expect(result.scannedCount).toBe(COUNT);
    const counted = await Row.scan("g").eq(3).count().all().exec();
    expect(counted).toEqual({ count: COUNT / 10, scannedCount: COUNT });
    expect(counted.timesScanned).toBeGreaterThanOrEqual(3);
  });

  it("all() with limit pages by limit and returns every match, as in Dynamoose", async () => {
    const before = requests.scan;
    const result = await Row.scan("g").eq(7).limit(300).all().exec();
    expect(sortedIds(result)).toEqual(rows.filter((r) => r.g === 7).map((r) => r.id));
    // 8 full pages of 300; the 8th still has a LastEvaluatedKey (the Limit was reached), so a 9th, empty, ends it.
    expect(requests.scan - before).toBe(9);
    expect(result.timesScanned).toBe(9);
    expect(result.count).toBe(COUNT / 10);
    expect(result.scannedCount).toBe(COUNT);
    expect(result.lastKey).toBeUndefined();
    const counted = await Row.scan("g").eq(7).limit(300).all().count().exec();
    expect(counted).toStrictEqual({ count: COUNT / 10, scannedCount: COUNT });
    expect(Object.keys(counted)).toEqual(["count", "scannedCount"]);
    expect(counted.timesScanned).toBe(9);
  });

  it("parallel(n) with limit and all() pages every segment by limit to its end", async () => {
    const before = requests.scan;
    const result = await Row.scan().parallel(4).limit(100).all().exec();
    expect(sortedIds(result)).toEqual(allIds);
    expect(result.timesScanned).toBe(requests.scan - before);
    expect(result.timesScanned).toBeGreaterThanOrEqual(COUNT / 100);
    expect(result.lastKey).toBeUndefined();
  });

  it("scans an index with its projection", async () => {
    const result = await Row.scan("n").lt(30).using("kindIndex").all().exec();
    expect(sortedIds(result)).toEqual(rows.filter((r) => r.n < 30).map((r) => r.id));
    expect(result[0]?.pad).toBeUndefined();
    expect(typeof result[0]?.g).toBe("number");
  });
});

describe("parallel scan", () => {
  it("sends one request per segment and merges", async () => {
    const before = requests.scan;
    const result = await Row.scan().parallel(4).limit(100).exec();
    expect(requests.scan - before).toBe(4);
    expect(result.timesScanned).toBe(4);
    expect(result.length).toBe(400);
    expect(result.count).toBe(400);
    expect(Array.isArray(result.lastKey) && result.lastKey.every((k) => typeof k?.["id"] === "string")).toBe(true);
    const whole = await Row.scan().parallel(4).exec(); // each segment (~600 KB) fits in one page
    expect(whole.length).toBe(COUNT);
    expect(whole.lastKey).toBeUndefined();
    expect(new Set(sortedIds(result)).size).toBe(result.length);
  });

  it("with all() reads every item exactly once", async () => {
    const result = await Row.scan().parallel(4).all().exec();
    expect(sortedIds(result)).toEqual(allIds);
    expect(result.lastKey).toBeUndefined();
  });
});

describe("lazy scan iteration", () => {
  it("break after the first item sends one request", async () => {
    const before = requests.scan;
    for await (const item of Row.scan()) {
      expect(item).toBeInstanceOf(Row);
      break;
    }
    expect(requests.scan - before).toBe(1);
  });

  it("a parallel scan iterates in rounds of one page per segment", async () => {
    const before = requests.scan;
    for await (const _ of Row.scan().parallel(3)) break;
    expect(requests.scan - before).toBe(3);
    const seen: string[] = [];
    for await (const page of Row.scan().parallel(3).limit(500).pages()) seen.push(...page.map((i) => i.id));
    expect(seen.sort()).toEqual(allIds);
  });

  it("iterating a count() is refused; pages() gives the counts", async () => {
    await expect(
      (async () => {
        for await (const _ of Row.scan().count()) break;
      })(),
    ).rejects.toMatchObject({ code: "count_iteration" });
    let total = 0;
    for await (const page of Row.scan().count().pages()) total += page.count;
    expect(total).toBe(COUNT);
  });
});
