/**
 * Inherited properties: with `Object.prototype` polluted by other code, `create`, `update`, defaults and conditions
 * read own properties only, at every depth; what is stored is read back with the raw SDK.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

const raw = localClient();
const name = tableName("Inherited");
const User = dynamodel.model(
  name,
  new dynamodel.Schema({
    pk: { type: String, hashKey: true },
    isAdmin: { type: Boolean, default: false },
    role: { type: String, default: "user" },
    settings: { type: Object, schema: { plan: { type: String, default: "free" }, beta: Boolean } },
    note: String,
  }),
  { throughput: "ON_DEMAND" },
);

beforeAll(async () => {
  dynamodel.aws.ddb.set(localClient());
  await User.get("warm");
});
afterAll(async () => {
  await raw.deleteTable({ TableName: name }).catch(() => undefined);
});

const stored = async (pk: string) => (await raw.getItem({ TableName: name, Key: { pk: { S: pk } }, ConsistentRead: true })).Item;

/** Runs `body` with `Object.prototype` polluted by `pollution`, restoring it in `finally`. */
async function polluted(pollution: Record<string, unknown>, body: () => Promise<void>): Promise<void> {
  const proto = Object.prototype as Record<string, unknown>;
  for (const [key, value] of Object.entries(pollution))
    Object.defineProperty(proto, key, { value, configurable: true, writable: true, enumerable: false });
  try {
    await body();
  } finally {
    for (const key of Object.keys(pollution)) delete proto[key];
  }
}

describe("a polluted Object.prototype is never read", () => {
  it("create stores the defaults, not inherited values, at every depth", async () => {
    await polluted({ isAdmin: true, role: "admin", plan: "enterprise", beta: true, evil: "x", note: "inherited" }, async () => {
      await User.create({ pk: "c1", settings: {} });
      await User.create(JSON.parse('{"pk": "c2"}'));
    });
    expect(await stored("c1")).toEqual({
      pk: { S: "c1" },
      isAdmin: { BOOL: false },
      role: { S: "user" },
      settings: { M: { plan: { S: "free" } } },
    });
    expect(await stored("c2")).toEqual({ pk: { S: "c2" }, isAdmin: { BOOL: false }, role: { S: "user" } });
  });

  it("update ignores inherited $SET, $ADD, $REMOVE and $DELETE and inherited attributes", async () => {
    await User.create({ pk: "u1", note: "keep" });
    await polluted({ $SET: { isAdmin: true }, $REMOVE: ["note"], $ADD: { role: "x" }, $DELETE: { role: "x" }, isAdmin: true }, async () => {
      await User.update({ pk: "u1" }, { role: "editor" });
      await User.update(JSON.parse('{"pk": "u1"}'), JSON.parse('{"settings": {"beta": false}}'));
    });
    const item = await stored("u1");
    expect(item).toMatchObject({
      role: { S: "editor" },
      note: { S: "keep" },
      isAdmin: { BOOL: false },
      settings: { M: { beta: { BOOL: false } } },
    });
    expect(item?.settings?.M).not.toHaveProperty("plan", { S: "enterprise" });
  });

  it("a condition object and a key object read own properties only", async () => {
    await User.create({ pk: "k1" });
    await polluted({ pk: "k1", isAdmin: { eq: true } }, async () => {
      await expect(User.get({} as never)).rejects.toBeInstanceOf(dynamodel.error.ValidationError);
      await User.update({ pk: "k1" }, { note: "ok" }, { condition: { role: { eq: "user" } } as never });
    });
    expect((await stored("k1"))?.note).toEqual({ S: "ok" });
  });
});
