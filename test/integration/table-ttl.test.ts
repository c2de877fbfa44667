/**
 * `expires`: the TTL attribute on every item (a Date stored in seconds, default now + ttl), TTL enabled by the
 * setup flow, expired items left out of reads with `returnExpired: false`, and user schemas left untouched.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { isExpired } from "../../src/store/expires.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const log: Recorded[] = [];
beforeAll(() => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
});
afterEach(() => {
  log.length = 0;
});

const fast = { waitForActive: { check: { frequency: 10 } } } as const;
const hour = 60 * 60 * 1000;
const nowSeconds = () => Math.round(Date.now() / 1000);
const raw = async (table: string, id: string) => (await localClient().getItem({ TableName: table, Key: { id: { S: id } } })).Item;

describe("expires", () => {
  it("stores the expiry in seconds (default now + ttl), reads it back as a Date and enables TTL on the table", async () => {
    const name = tableName("Ttl");
    const Session = dynamodel.model(name, new dynamodel.Schema({ id: String, user: String }), {
      expires: { ttl: hour, attribute: "expiresAt" },
      ...fast,
    });
    const before = nowSeconds();
    const created = await Session.create({ id: "s1", user: "u1" });
    expect(log.map((r) => r.operation)).toEqual([
      "describeTable",
      "createTable",
      "describeTable",
      "describeTimeToLive",
      "updateTimeToLive",
      "putItem",
    ]);
    const stored = Number((await raw(name, "s1"))?.expiresAt?.N);
    expect(stored).toBeGreaterThanOrEqual(before + 3600);
    expect(stored).toBeLessThanOrEqual(nowSeconds() + 3600);
    // The TTL attribute is not in the schema, but it is in the inferred item type (a Date).
    expect(created.expiresAt).toEqual(new Date(stored * 1000));
    expect((await Session.get("s1"))?.expiresAt).toEqual(new Date(stored * 1000));
    const ttl = await localClient().describeTimeToLive({ TableName: name });
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: "ENABLED", AttributeName: "expiresAt" });
  });

  it("takes an expiry given on create or update (a Date, or milliseconds)", async () => {
    const name = tableName("TtlGiven");
    const Session = dynamodel.model(name, new dynamodel.Schema({ id: String, n: Number }), { expires: 1000, ...fast });
    const at = new Date("2030-01-01T00:00:00.000Z");
    await Session.create({ id: "a", ttl: at });
    expect((await raw(name, "a"))?.ttl).toEqual({ N: String(at.getTime() / 1000) });
    await Session.update({ id: "a" }, { ttl: at.getTime() + 60_000 });
    expect((await raw(name, "a"))?.ttl).toEqual({ N: String(at.getTime() / 1000 + 60) });
    // A future expiry: DynamoDB Local deletes expired items in the background once TTL is on.
    const later = new Date("2031-01-01T00:00:00.000Z");
    await Session.update({ id: "a" }, { $SET: { ttl: later } });
    expect((await raw(name, "a"))?.ttl).toEqual({ N: String(later.getTime() / 1000) });
    // An update that does not mention the expiry leaves it alone.
    await Session.update({ id: "a" }, { n: 2 });
    expect((await raw(name, "a"))?.ttl).toEqual({ N: String(later.getTime() / 1000) });
    await expect(Session.create({ id: "b", ttl: "tomorrow" as never })).rejects.toMatchObject({ name: "TypeMismatch", path: "ttl" });
  });

  it("leaves expired items out of get with returnExpired: false, and returns them by default", async () => {
    const name = tableName("TtlExpired");
    const schema = new dynamodel.Schema({ id: String });
    const Hidden = dynamodel.model(name, schema, { expires: { ttl: hour, items: { returnExpired: false } }, ...fast });
    await Hidden.create({ id: "old", ttl: new Date(Date.now() - 60_000) });
    await Hidden.create({ id: "fresh" });
    expect(await Hidden.get("old")).toBeUndefined();
    expect(await Hidden.get("fresh")).toBeDefined();
    expect((await Hidden.scan().exec()).map((item) => item.id)).toEqual(["fresh"]);
    expect((await Hidden.query("id").eq("old").exec()).length).toBe(0);
    expect((await Hidden.batchGet(["old", "fresh"])).map((item) => item.id)).toEqual(["fresh"]);
    expect(isExpired(Hidden.table(), { id: { S: "old" }, ttl: { N: String(nowSeconds() - 60) } })).toBe(true);
    expect(isExpired(Hidden.table(), { id: { S: "x" } })).toBe(false);

    // DynamoDB Local deletes expired items in the background once TTL is enabled (as DynamoDB does, within days), so the
    // default (returnExpired: true) is checked on a table whose TTL stays off: nothing there is ever deleted.
    const plain = tableName("TtlOff");
    const Plain = dynamodel.model(plain, schema, fast);
    await Plain.create({ id: "fresh" });
    await localClient().putItem({ TableName: plain, Item: { id: { S: "old" }, ttl: { N: String(nowSeconds() - 60) } } });
    const Shown = dynamodel.model(tableName("TtlShown"), schema, { tableName: plain, expires: hour, create: false });
    expect(await Shown.get("old")).toBeDefined();
    expect(isExpired(Shown.table(), { id: { S: "old" }, ttl: { N: "1" } })).toBe(false);
  });

  it("does not change the schema: a model of another table with the same schema stores no expiry", async () => {
    const schema = new dynamodel.Schema({ id: String, n: Number });
    const withTtl = tableName("TtlShared");
    const without = tableName("NoTtlShared");
    const A = dynamodel.model(withTtl, schema, { expires: hour, ...fast });
    const B = dynamodel.model(without, schema, fast);
    await A.create({ id: "x", n: 1 });
    await B.create({ id: "x", n: 1 });
    expect(Object.keys((await raw(withTtl, "x")) ?? {}).sort()).toEqual(["id", "n", "ttl"]);
    expect(Object.keys((await raw(without, "x")) ?? {}).sort()).toEqual(["id", "n"]);
    expect(schema.attributes()).toEqual(["id", "n"]);
    expect(Object.keys((await B.get("x")) ?? {})).toEqual(["id", "n"]);
  });

  it("keeps a TTL attribute the schema declares, filling only a missing value", async () => {
    const name = tableName("TtlDeclared");
    const M = dynamodel.model(
      name,
      new dynamodel.Schema({ id: String, ttl: { type: { value: Date, settings: { storage: "seconds" } } } }),
      { expires: hour, ...fast },
    );
    await M.create({ id: "a", ttl: new Date(5000) });
    await M.create({ id: "b" });
    expect((await raw(name, "a"))?.ttl).toEqual({ N: "5" });
    expect(Number((await raw(name, "b"))?.ttl?.N)).toBeGreaterThan(nowSeconds());
  });

  it("leaves an enabled TTL alone, skips TTL with create: false, and waits while TTL is being disabled", async () => {
    const name = tableName("TtlAgain");
    const First = dynamodel.model(name, new dynamodel.Schema({ id: String }), { expires: hour, ...fast });
    await First.table().initialize();
    log.length = 0;
    const Second = dynamodel.model(tableName("TtlAgain2"), new dynamodel.Schema({ id: String }), {
      tableName: name,
      expires: hour,
      ...fast,
    });
    await Second.table().initialize();
    expect(log.map((r) => r.operation)).toEqual(["describeTable", "describeTimeToLive"]);
    log.length = 0;
    const Lambda = dynamodel.model(tableName("TtlLambda"), new dynamodel.Schema({ id: String }), {
      tableName: name,
      expires: hour,
      create: false,
    });
    await Lambda.get("x");
    expect(log.map((r) => r.operation)).toEqual(["getItem"]);

    const instance = new dynamodel.Instance();
    const statuses = ["DISABLING", "DISABLING", "DISABLED"];
    const calls: string[] = [];
    instance.aws.ddb.set({
      describeTable: async () => ({ Table: { TableStatus: "ACTIVE" }, $metadata: {} }),
      describeTimeToLive: async () => {
        calls.push("describeTimeToLive");
        return { TimeToLiveDescription: { TimeToLiveStatus: statuses.shift() as "DISABLED" }, $metadata: {} };
      },
      updateTimeToLive: async (input) => {
        calls.push(`updateTimeToLive ${input.TimeToLiveSpecification?.AttributeName}`);
        return { $metadata: {} };
      },
    });
    const Faked = dynamodel.model(tableName("TtlFaked"), new dynamodel.Schema({ id: String }));
    await new instance.Table(Faked.name, [Faked], {
      expires: { ttl: 1, attribute: "exp" },
      waitForActive: { check: { frequency: 1 } },
    }).initialize();
    expect(calls).toEqual(["describeTimeToLive", "describeTimeToLive", "describeTimeToLive", "updateTimeToLive exp"]);
  });

  it("refuses an expires option without a usable ttl", () => {
    const M = dynamodel.model(tableName("TtlBad"), new dynamodel.Schema({ id: String }));
    expect(() => new dynamodel.Table(M.name, [M], { expires: { ttl: -1 } })).toThrow(dynamodel.error.InvalidParameter);
  });
});
