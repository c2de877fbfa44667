/**
 * Hooks (`Model.pre` / `Model.post`) on single-item calls, queries and scans, against DynamoDB Local: order, changes
 * made by pre hooks, aborts (zero requests sent, nothing written, checked with the raw SDK), `{ hooks: false }`.
 */
import { describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { recordDefaultClient } from "../support/recording-client.js";

const log = recordDefaultClient();
const raw = localClient();
const DATA = new Set(["getItem", "putItem", "updateItem", "deleteItem", "query", "scan", "batchWriteItem", "transactWriteItems"]);
/** The data requests sent (the table's own setup requests left out). */
const sent = (): string[] => log.filter((entry) => DATA.has(entry.operation)).map((entry) => entry.operation);

const schema = new dynamodel.Schema({
  id: { type: String, hashKey: true },
  email: { type: String, required: true, validate: (v: string) => v.includes("@") },
  visits: { type: Number, default: 0 },
  team: { type: String, index: { name: "teamIndex", type: "global" } },
});

/** A fresh model (and table) per test, so hooks do not leak between tests. */
async function freshModel() {
  const User = dynamodel.model(tableName("HookUser"), schema);
  await User.get("warm-up", { hooks: false });
  log.length = 0;
  return User;
}

const stored = async (table: string, id: string) =>
  (await raw.getItem({ TableName: table, Key: { id: { S: id } }, ConsistentRead: true })).Item;

describe("hooks on single calls", () => {
  it("runs pre hooks in registration order before validation, then the request, then post hooks with result and response", async () => {
    const User = await freshModel();
    const steps: string[] = [];
    User.pre("save", async (context) => {
      steps.push(`pre1 ${context.operation} sent=${sent().length}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      // The email is invalid until this hook fixes it: validation runs after the pre hooks.
      if ("item" in context) context.item.email = `${context.item.email}@example.com`;
    });
    User.pre("save", (context) => {
      steps.push(`pre2 ${"item" in context ? context.item.email : ""}`);
    });
    User.post("save", (context) => {
      steps.push(`post ${context.operation} sent=${sent().length} ${context.response.$metadata.httpStatusCode}`);
      if (context.operation === "create") expect(context.result).toBe(context.item);
    });
    const user = await User.create({ id: "u1", email: "ada" });
    expect(steps).toEqual(["pre1 create sent=0", "pre2 ada@example.com", "post create sent=1 200"]);
    expect(user.email).toBe("ada@example.com");
    expect(await stored(User.table().name, "u1")).toMatchObject({ email: { S: "ada@example.com" }, visits: { N: "0" } });

    steps.length = 0;
    user.visits = 3;
    await user.save();
    expect(steps).toEqual(["pre1 save sent=1", "pre2 ada@example.com@example.com", "post save sent=2 200"]);
  });

  it("a pre hook that throws aborts the call: nothing sent, nothing written, no post hook", async () => {
    const User = await freshModel();
    let posts = 0;
    User.pre("save", () => {
      throw new Error("refused by hook");
    });
    User.pre("delete", async () => {
      throw new Error("no deletes");
    });
    User.post("save", () => void posts++);
    await expect(User.create({ id: "u2", email: "a@b.c" })).rejects.toThrow("refused by hook");
    await expect(User.update({ id: "u2" }, { visits: 1 })).rejects.toThrow("refused by hook");
    await expect(new User({ id: "u2", email: "a@b.c" }).save()).rejects.toThrow("refused by hook");
    await expect(User.delete("u2")).rejects.toThrow("no deletes");
    expect(sent()).toEqual([]);
    expect(posts).toBe(0);
    expect(await stored(User.table().name, "u2")).toBeUndefined();
  });

  it("post hooks run after success only", async () => {
    const User = await freshModel();
    const posts: string[] = [];
    User.post("save", (context) => void posts.push(context.operation));
    await User.create({ id: "u3", email: "a@b.c" });
    await expect(User.create({ id: "u3", email: "a@b.c" })).rejects.toThrow();
    await expect(User.create({ id: "u4", email: "invalid" })).rejects.toThrow();
    expect(posts).toEqual(["create"]);
  });

  it("a pre hook may change or replace the update object; post sees the updated item", async () => {
    const User = await freshModel();
    await User.create({ id: "u5", email: "a@b.c" });
    User.pre("save", (context) => {
      if (context.operation === "update") context.update = { ...context.update, team: "blue" };
    });
    let result: unknown;
    User.post("save", (context) => {
      if (context.operation === "update") result = context.result;
    });
    const updated = await User.update({ id: "u5" }, { visits: 2 });
    expect(updated).toMatchObject({ visits: 2, team: "blue" });
    expect(result).toBe(updated);
    expect(await stored(User.table().name, "u5")).toMatchObject({ team: { S: "blue" }, visits: { N: "2" } });
  });

  it("get and delete: pre sees the key, post the result and the response", async () => {
    const User = await freshModel();
    await User.create({ id: "u6", email: "a@b.c" });
    const seen: unknown[] = [];
    User.pre("get", ({ key }) => void seen.push(["pre get", key]));
    User.post("get", ({ result, response }) => void seen.push(["post get", result?.email, typeof response.$metadata.requestId]));
    User.pre("delete", ({ key, operation }) => void seen.push([`pre ${operation}`, key]));
    User.post("delete", ({ result, response }) => void seen.push(["post delete", result, response.$metadata.httpStatusCode]));
    await User.get("u6");
    await User.get("missing");
    await User.delete("u6");
    expect(seen).toEqual([
      ["pre get", "u6"],
      ["post get", "a@b.c", "string"],
      ["pre get", "missing"],
      ["post get", undefined, "string"],
      ["pre delete", "u6"],
      ["post delete", undefined, 200],
    ]);
    expect(await stored(User.table().name, "u6")).toBeUndefined();
  });

  it("{ hooks: false } skips pre and post hooks on every single call; { return: 'request' } runs none", async () => {
    const User = await freshModel();
    let runs = 0;
    for (const event of ["save", "delete", "get"] as const) {
      User.pre(event, () => void runs++);
      User.post(event, () => void runs++);
    }
    await User.create({ id: "u7", email: "a@b.c" }, { hooks: false });
    const item = await User.get("u7", { hooks: false });
    await item?.save({ hooks: false });
    await User.update({ id: "u7" }, { visits: 5 }, { hooks: false });
    await User.delete("u7", { hooks: false });
    await User.create({ id: "u8", email: "a@b.c" }, { return: "request" });
    expect(runs).toBe(0);
    expect(sent()).toEqual(["putItem", "getItem", "putItem", "updateItem", "deleteItem"]);
  });
});

describe("hooks on query and scan", () => {
  it("pre may change the builder before the request is built; post sees the result and the last page's response", async () => {
    const User = await freshModel();
    await User.create({ id: "q1", email: "a@b.c", team: "red" }, { hooks: false });
    await User.create({ id: "q2", email: "b@b.c", team: "red", visits: 9 }, { hooks: false });
    const seen: unknown[] = [];
    User.pre("query", ({ query, operation }) => {
      seen.push(operation);
      query.where("visits").gt(1);
    });
    User.post("query", ({ result, response }) => void seen.push(Array.isArray(result) ? result.length : -1, response?.Count));
    User.pre("scan", ({ query }) => void query.limit(1));
    User.post("scan", ({ result }) => void seen.push(`scan ${"lastKey" in result ? typeof result.lastKey : ""}`));
    const found = await User.query("team").eq("red").exec();
    expect(found.map((user) => user.id)).toEqual(["q2"]);
    const page = await User.scan().exec();
    expect(page.length).toBeLessThanOrEqual(1);
    expect(seen).toEqual(["query", 1, 1, "scan object"]);
  });

  it("a throwing pre hook sends no query; hooks(false) skips the hooks", async () => {
    const User = await freshModel();
    User.pre("scan", () => {
      throw new Error("no scans");
    });
    await expect(User.scan().exec()).rejects.toThrow("no scans");
    expect(sent()).toEqual([]);
    await User.scan().hooks(false).exec();
    expect(sent()).toEqual(["scan"]);
  });
});

describe("registration", () => {
  it("refuses an unknown event or a non-function, naming the rule; a custom static named pre replaces the hook method", async () => {
    const User = await freshModel();
    // @ts-expect-error: not an event
    expect(() => User.pre("remove", () => undefined)).toThrow(/the event must be one of save, delete, get, query, scan/);
    // @ts-expect-error: not a function
    expect(() => User.post("save", "nope")).toThrow(/fn must be a function/);
    User.methods.set("pre", async () => "custom");
    expect(await (User as unknown as { pre: () => Promise<string> }).pre()).toBe("custom");
    User.methods.delete("pre");
    expect(User.pre("get", () => undefined)).toBe(User);
  });
});
