/**
 * Query against DynamoDB Local: 3,000 items in 10 partitions, a GSI and an LSI, paged with small limits.
 */
import type { DynamoDB } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import fc from "fast-check";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { seedTable } from "../support/seed.js";

const PARTITIONS = 10;
const PER_PARTITION = 300;
const TEAMS = 5;

interface Row {
  pk: string;
  sk: string;
  n: number;
  team: string;
  score: number;
  rank: number;
  flag: boolean;
}

const rows: Row[] = [];
for (let p = 0; p < PARTITIONS; p++) {
  for (let n = 0; n < PER_PARTITION; n++) {
    rows.push({
      pk: `p${p}`,
      sk: String(n).padStart(4, "0"),
      n,
      team: `t${(p * PER_PARTITION + n) % TEAMS}`,
      score: n % 50,
      rank: (n * 7) % PER_PARTITION,
      flag: n % 2 === 0,
    });
  }
}
const partition = (p: number): Row[] => rows.filter((r) => r.pk === `p${p}`);
const ids = (items: readonly { pk?: unknown; sk?: unknown }[]): string[] => items.map((i) => `${String(i.pk)}/${String(i.sk)}`);

const requests = { query: 0, scan: 0 };

/** The local client, counting Query and Scan requests. */
function countingClient(): DynamoDB {
  const client = localClient();
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop === "query" || prop === "scan") {
        return (input: unknown) => {
          requests[prop]++;
          return (value as (i: unknown) => Promise<unknown>).call(target, input);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const schema = new dynamodel.Schema({
  pk: { type: String, hashKey: true },
  sk: { type: String, rangeKey: true },
  n: Number,
  team: { type: String, index: { name: "teamIndex", rangeKey: "score" } },
  score: Number,
  rank: { type: Number, index: { type: "local", name: "rankLocal" } },
  flag: Boolean,
});
const Thing = dynamodel.model(tableName("QueryThing"), schema);

beforeAll(async () => {
  const client = countingClient();
  dynamodel.aws.ddb.set(client);
  await Thing.table().initialize();
  await seedTable(
    client,
    Thing.table().name,
    rows.map((r) => marshall(r)),
  );
}, 60_000);

describe("query on the table key", () => {
  it("reads a partition in range key order, with real counts", async () => {
    const result = await Thing.query("pk").eq("p1").exec();
    expect(ids(result)).toEqual(ids(partition(1)));
    expect(result[0]).toBeInstanceOf(Thing);
    expect(result[0]?.n).toBe(0);
    expect(result.count).toBe(300);
    expect(result.queriedCount).toBe(300);
    expect(result.scannedCount).toBe(300);
    expect(result.timesQueried).toBe(1);
    expect(result.lastKey).toBeUndefined();
  });

  it("sorts descending and applies range key conditions", async () => {
    const desc = await Thing.query("pk").eq("p1").where("sk").between("0010", "0019").sort("descending").exec();
    expect(desc.map((i) => i.n)).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10]);
    const prefix = await Thing.query({ pk: "p1", sk: { beginsWith: "02" } }).exec();
    expect(prefix.map((i) => i.n)).toEqual(Array.from({ length: 100 }, (_, i) => 200 + i));
    const lt = await Thing.query("pk").eq("p1").where("sk").lt("0003").exec();
    expect(lt.map((i) => i.n)).toEqual([0, 1, 2]);
  });

  it("keeps or() groups in the filter", async () => {
    const result = await Thing.query("pk")
      .eq("p2")
      .and()
      .parenthesis((c) => c.where("n").lt(3).or().where("n").ge(297))
      .exec();
    expect(result.map((i) => i.n)).toEqual([0, 1, 2, 297, 298, 299]);
    expect(result.queriedCount).toBe(300);
    const nested = await Thing.query("pk")
      .eq("p2")
      .where("n")
      .lt(10)
      .where("flag")
      .eq(true)
      .or()
      .where("n")
      .eq(299)
      .and()
      .where("pk")
      .eq("p2")
      .exec()
      .catch((e: Error) => e);
    expect(nested).toBeInstanceOf(Error); // (pk AND n AND flag) OR (n AND pk): no top-level hash equality
    expect(String(nested)).toMatch(/only compared inside or\(\)/);
  });

  it("returns only the attributes asked for", async () => {
    const result = await Thing.query("pk").eq("p1").where("sk").eq("0005").attributes(["pk", "n"]).exec();
    expect(result.map((i) => ({ ...i }))).toEqual([{ pk: "p1", n: 5 }]);
  });

  it("answers by callback", async () => {
    const result = await new Promise<number>((resolve, reject) => {
      Thing.query("pk")
        .eq("p1")
        .count()
        .exec((error, value) => (error ? reject(error) : resolve(value?.count ?? -1)));
    });
    expect(result).toBe(300);
    const failed = await new Promise<Error | null | undefined>((resolve) =>
      Thing.query("n")
        .eq(1)
        .exec((error) => resolve(error)),
    );
    expect(failed?.name).toBe("InvalidParameter");
  });

  it("serializes and populates the result array", async () => {
    const result = await Thing.query("pk").eq("p1").where("sk").eq("0001").exec();
    expect(JSON.parse(JSON.stringify(result))).toEqual([{ pk: "p1", sk: "0001", n: 1, team: "t1", score: 1, rank: 7, flag: false }]);
    expect(await result.populate()).toBe(result);
  });

  it("types items and comparison values from the schema", async () => {
    const result = await Thing.query("pk").eq("p1").where("sk").eq("0001").exec();
    expectTypeOf(result[0]?.n).toEqualTypeOf<number | undefined>();
    expectTypeOf(result.lastKey).toEqualTypeOf<Record<string, unknown> | undefined>();
    // @ts-expect-error n is a number
    expect(() => Thing.query("pk").eq("p1").where("n").eq("x")).not.toThrow();
    const counted = await Thing.query("pk").eq("p1").count().exec();
    expectTypeOf(counted.queriedCount).toEqualTypeOf<number>();
  });
});

describe("index auto-selection", () => {
  it("uses a GSI with its range key, and pages through it with lastKey", async () => {
    const query = () => Thing.query("team").eq("t1").where("score").ge(45);
    expect(query().explain()).toMatchObject({ index: "teamIndex", indexType: "global", filter: undefined });
    const expected = rows.filter((r) => r.team === "t1" && r.score >= 45);
    const whole = await query().exec();
    expect(new Set(ids(whole))).toEqual(new Set(ids(expected)));
    expect(whole.map((i) => i.score)).toEqual([...whole.map((i) => i.score ?? 0)].sort((a, b) => a - b));
    const paged: string[] = [];
    let lastKey: Record<string, unknown> | undefined;
    do {
      const page = await query().limit(37).startAt(lastKey).exec();
      paged.push(...ids(page));
      lastKey = page.lastKey;
      if (lastKey) expect(Object.keys(lastKey).sort()).toEqual(["pk", "score", "sk", "team"]);
    } while (lastKey);
    expect(paged).toEqual(ids(whole));
  });

  it("uses an LSI when its range key is compared, with a consistent read", async () => {
    const result = await Thing.query("pk").eq("p3").where("rank").lt(30).consistent().exec();
    expect(Thing.query("pk").eq("p3").where("rank").lt(30).explain().index).toBe("rankLocal");
    expect(result.map((i) => i.rank)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it("refuses a consistent read on a GSI before sending anything", async () => {
    const before = requests.query;
    await expect(Thing.query("team").eq("t1").consistent().exec()).rejects.toMatchObject({
      name: "InvalidParameter",
      code: "consistent_read_on_gsi",
    });
    expect(requests.query).toBe(before);
  });
});

describe("limit, all() and count()", () => {
  it("limits the items read, not returned", async () => {
    const page = await Thing.query("pk").eq("p2").where("flag").eq(true).limit(10).exec();
    expect(page.map((i) => i.n)).toEqual([0, 2, 4, 6, 8]);
    expect(page.queriedCount).toBe(10);
    expect(page.lastKey).toEqual({ pk: "p2", sk: "0009" });
  });

  it("all() with limit pages by limit and returns everything, as in Dynamoose", async () => {
    const before = requests.query;
    const result = await Thing.query("pk").eq("p2").where("flag").eq(true).limit(10).all().exec();
    expect(result.map((i) => i.n)).toEqual(
      partition(2)
        .filter((r) => r.flag)
        .map((r) => r.n),
    );
    expect(result.length).toBe(150);
    // 30 full pages of 10; the 30th still has a LastEvaluatedKey (the Limit was reached), so a 31st, empty, ends it.
    expect(requests.query - before).toBe(31);
    expect(result.timesQueried).toBe(31);
    expect(result.count).toBe(150);
    expect(result.queriedCount).toBe(300);
    expect(result.lastKey).toBeUndefined();
  });

  it("all(delay, max) stops after max requests", async () => {
    const result = await Thing.query("pk").eq("p2").where("flag").eq(true).limit(100).all(1, 2).exec();
    expect(result.timesQueried).toBe(2);
    expect(result.length).toBe(100); // 50 of each 100 read
    expect(result.lastKey).toEqual({ pk: "p2", sk: "0199" });
    const rest = await Thing.query("pk").eq("p2").where("flag").eq(true).limit(100).startAt(result.lastKey).all().exec();
    expect(rest.map((i) => i.n)).toEqual(
      partition(2)
        .filter((r) => r.flag && r.n >= 200)
        .map((r) => r.n),
    );
  });

  it("all() pages a GSI and an LSI by limit to the end", async () => {
    const gsi = await Thing.query("team").eq("t1").limit(50).all().exec();
    expect(gsi.length).toBe(rows.filter((r) => r.team === "t1").length);
    expect(gsi.timesQueried).toBeGreaterThan(10);
    const lsi = await Thing.query("pk").eq("p3").where("rank").lt(100).limit(7).all().exec();
    expect(lsi.length).toBe(100);
    expect(lsi.timesQueried).toBe(Math.ceil(100 / 7));
  });

  it("count() resolves exactly { count, queriedCount }; with all() it sums every page", async () => {
    expect(await Thing.query("pk").eq("p4").count().exec()).toStrictEqual({ count: 300, queriedCount: 300 });
    const filtered = await Thing.query("pk").eq("p4").where("flag").eq(true).count().exec();
    expect(filtered).toEqual({ count: 150, queriedCount: 300 });
    expect(Object.keys(filtered)).toEqual(["count", "queriedCount"]);
    expect(filtered.timesQueried).toBe(1);
    const summed = await Thing.query("pk").eq("p4").where("flag").eq(true).limit(40).all().count().exec();
    expect(summed).toEqual({ count: 150, queriedCount: 300 });
    expect(summed.timesQueried).toBe(8);
    expect(summed.lastKey).toBeUndefined();
    const capped = await Thing.query("pk").eq("p4").limit(40).all(0, 3).count().exec();
    expect(capped).toEqual({ count: 120, queriedCount: 120 });
    expect(capped.lastKey).toEqual({ pk: "p4", sk: "0119" });
  });
});

describe("lazy iteration", () => {
  it("for await fetches the next page only when needed; break stops the requests", async () => {
    const before = requests.query;
    const seen: number[] = [];
    for await (const item of Thing.query("pk").eq("p5").limit(25)) {
      seen.push(item.n ?? -1);
      if (seen.length === 30) break;
    }
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(requests.query - before).toBe(2);
  });

  it("iterates every item across pages, in order", async () => {
    const seen: string[] = [];
    for await (const item of Thing.query("pk").eq("p5").limit(64)) seen.push(`${item.pk}/${item.sk}`);
    expect(seen).toEqual(ids(partition(5)));
  });

  it("pages() yields result arrays with their own lastKey and counts", async () => {
    const sizes: number[] = [];
    let last: Record<string, unknown> | undefined;
    for await (const page of Thing.query("pk").eq("p6").limit(100).pages()) {
      sizes.push(page.length);
      expect(page.timesQueried).toBe(1);
      last = page.lastKey;
    }
    expect(sizes.slice(0, 3)).toEqual([100, 100, 100]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(300);
    expect(last).toBeUndefined();
  });
});

describe("paging property", () => {
  const unpaged = new Map<string, string[]>();
  const queries = {
    filtered: () => Thing.query("pk").eq("p7").where("flag").eq(true),
    gsi: () => Thing.query("team").eq("t2").where("score").between(10, 30),
    descending: () => Thing.query("pk").eq("p8").where("n").ge(100).sort("descending"),
  } as const;

  beforeAll(async () => {
    for (const [name, make] of Object.entries(queries)) unpaged.set(name, ids(await make().exec()));
  });

  it("paging with any page size returns exactly the items of one unpaged pass, in order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 150 }),
        fc.constantFrom(...(Object.keys(queries) as (keyof typeof queries)[])),
        async (size, name) => {
          const expected = unpaged.get(name);
          const byStartAt: string[] = [];
          let lastKey: Record<string, unknown> | undefined;
          do {
            const page = await queries[name]().limit(size).startAt(lastKey).exec();
            expect(page.length).toBeLessThanOrEqual(size);
            byStartAt.push(...ids(page));
            lastKey = page.lastKey;
          } while (lastKey);
          expect(byStartAt).toEqual(expected);
          const byPages: string[] = [];
          for await (const page of queries[name]().limit(size).pages()) byPages.push(...ids(page));
          expect(byPages).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});
