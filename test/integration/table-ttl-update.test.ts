/**
 * `update` with `"ttl"`: the live table's TTL follows `expires`: turned off when the models no longer have it, moved
 * to a new attribute (off, then on), and a clear `OtherError` when DynamoDB refuses a change.
 */
import type { UpdateTimeToLiveCommandInput } from "@aws-sdk/client-dynamodb";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import dynamodel from "../../src/index.js";
import type { TableOptionsInput } from "../../src/table/options.js";
import { localClient, tableName } from "../support/local.js";
import { type Recorded, recordingClient } from "../support/recording-client.js";

const log: Recorded[] = [];
beforeAll(() => {
  dynamodel.aws.ddb.set(recordingClient(localClient(), log));
});
beforeEach(() => {
  // update: true also syncs tags, which DynamoDB Local does not support (a warning).
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => {
  log.length = 0;
  vi.restoreAllMocks();
});

const fast = { waitForActive: { check: { frequency: 10, timeout: 20_000 } } } as const;
const hour = 60 * 60 * 1000;
const liveTtl = async (name: string) => (await localClient().describeTimeToLive({ TableName: name })).TimeToLiveDescription;
const ttlUpdates = () =>
  log.filter((r) => r.operation === "updateTimeToLive").map((r) => (r.input as UpdateTimeToLiveCommandInput).TimeToLiveSpecification);

/** A new Table named `name` with one model, initialized with these options. */
async function initialize(name: string, options: TableOptionsInput): Promise<void> {
  const M = dynamodel.model(tableName("M"), new dynamodel.Schema({ id: String }));
  await new dynamodel.Table(name, [M], { ...fast, ...options }).initialize();
}

describe("TTL reconciliation", () => {
  it("turns TTL off when expires is removed, and leaves it off", async () => {
    const name = tableName("TtlOff");
    await initialize(name, { expires: hour });
    expect(await liveTtl(name)).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "ttl" });
    log.length = 0;
    await initialize(name, { update: ["ttl"] });
    expect(ttlUpdates()).toEqual([{ Enabled: false, AttributeName: "ttl" }]);
    expect((await liveTtl(name))?.TimeToLiveStatus).toBe("DISABLED");
    log.length = 0;
    await initialize(name, { update: true });
    expect(ttlUpdates()).toEqual([]);
  });

  it("leaves TTL alone without update ttl", async () => {
    const name = tableName("TtlKept");
    await initialize(name, { expires: hour });
    log.length = 0;
    await initialize(name, { update: ["indexes", "throughput"] });
    await initialize(name, { expires: { ttl: hour, attribute: "other" } });
    expect(ttlUpdates()).toEqual([]);
    expect(await liveTtl(name)).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "ttl" });
  });

  it("turns TTL on for an existing table, and leaves it when the attribute is the same", async () => {
    const name = tableName("TtlOn");
    await initialize(name, {});
    log.length = 0;
    await initialize(name, { update: ["ttl"], expires: { ttl: hour, attribute: "exp" } });
    expect(ttlUpdates()).toEqual([{ Enabled: true, AttributeName: "exp" }]);
    log.length = 0;
    await initialize(name, { update: true, expires: { ttl: hour, attribute: "exp" } });
    expect(ttlUpdates()).toEqual([]);
    expect(await liveTtl(name)).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "exp" });
  });

  it("moves TTL to a new attribute: off, wait for DISABLED, on (DynamoDB Local allows it at once)", async () => {
    const name = tableName("TtlMove");
    await initialize(name, { expires: { ttl: hour, attribute: "a" } });
    log.length = 0;
    await initialize(name, { update: true, expires: { ttl: hour, attribute: "b" } });
    expect(ttlUpdates()).toEqual([
      { Enabled: false, AttributeName: "a" },
      { Enabled: true, AttributeName: "b" },
    ]);
    const operations = log.map((r) => r.operation).filter((op) => op.includes("TimeToLive"));
    expect(operations).toEqual(["describeTimeToLive", "updateTimeToLive", "describeTimeToLive", "updateTimeToLive"]);
    expect(await liveTtl(name)).toEqual({ TimeToLiveStatus: "ENABLED", AttributeName: "b" });
  });

  /** A table on a fake client: ACTIVE, TTL on `live`, `updateTimeToLive` answered by `answer`. */
  async function faked(statuses: string[], answer: (input: UpdateTimeToLiveCommandInput) => Promise<void>, options: TableOptionsInput) {
    const instance = new dynamodel.Instance();
    const calls: string[] = [];
    instance.aws.ddb.set({
      describeTable: async () => ({ Table: { TableStatus: "ACTIVE" }, $metadata: {} }),
      describeTimeToLive: async () => {
        const status = (statuses.length > 1 ? statuses.shift() : statuses[0]) as "ENABLED";
        calls.push(`describeTimeToLive ${status}`);
        return { TimeToLiveDescription: { TimeToLiveStatus: status, AttributeName: "a" }, $metadata: {} };
      },
      updateTimeToLive: async (input) => {
        calls.push(`updateTimeToLive ${input.TimeToLiveSpecification?.Enabled} ${input.TimeToLiveSpecification?.AttributeName}`);
        await answer(input);
        return { $metadata: {} };
      },
    });
    const M = dynamodel.model(tableName("TtlFake"), new dynamodel.Schema({ id: String }));
    const table = new instance.Table(M.name, [M], { waitForActive: { check: { frequency: 1, timeout: 30 } }, update: ["ttl"], ...options });
    return { calls, initialized: table.initialize() };
  }

  const tooOften = () =>
    Object.assign(new Error("Time to live has been modified multiple times within a fixed interval"), { name: "ValidationException" });

  it("raises a clear OtherError when DynamoDB refuses to turn TTL on again so soon", async () => {
    const { calls, initialized } = await faked(
      ["ENABLED", "DISABLED"],
      async (input) => {
        if (input.TimeToLiveSpecification?.Enabled) throw tooOften();
      },
      { expires: { ttl: hour, attribute: "b" } },
    );
    await expect(initialized).rejects.toThrow(dynamodel.error.OtherError);
    await expect(initialized).rejects.toMatchObject({
      code: "ttl_update_refused",
      message: expect.stringMatching(
        /turn on the TTL .* while moving TTL from attribute "a" to "b": Time to live .*run the setup again later/,
      ),
    });
    expect(calls).toEqual([
      "describeTimeToLive ENABLED",
      "updateTimeToLive false a",
      "describeTimeToLive DISABLED",
      "updateTimeToLive true b",
    ]);
  });

  it("raises a clear OtherError when TTL is still being turned off after the wait, or turning it off is refused", async () => {
    const slow = await faked(["ENABLED", "DISABLING"], async () => undefined, { expires: { ttl: hour, attribute: "b" } });
    await expect(slow.initialized).rejects.toMatchObject({
      name: "OtherError",
      code: "ttl_update_refused",
      message: expect.stringMatching(/DynamoDB did not finish turning off the TTL .*timed out/),
    });
    expect(slow.calls.filter((c) => c.startsWith("update"))).toEqual(["updateTimeToLive false a"]);

    const refused = await faked(["ENABLED"], async () => Promise.reject(tooOften()), {});
    await expect(refused.initialized).rejects.toMatchObject({
      name: "OtherError",
      code: "ttl_update_refused",
      message: expect.stringMatching(
        /turn off the TTL .* while turning TTL off \(attribute "a"\): expires was removed: Time to live has been modified/,
      ),
    });

    const other = await faked(
      ["ENABLED"],
      async () => Promise.reject(Object.assign(new Error("boom"), { name: "InternalServerError" })),
      {},
    );
    await expect(other.initialized).rejects.toMatchObject({ name: "InternalServerError" });
  });
});
