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

  it("an aborted write leaves a stored item as it was (raw SDK); an aborted get sends nothing", async () => {
    const User = await freshModel();
    await User.create({ id: "s1", email: "a@b.c", visits: 1 }, { hooks: false });
    const before = await stored(User.table().name, "s1");
    log.length = 0;
    User.pre("save", async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw new Error("frozen");
    });
    User.pre("delete", () => {
      throw new Error("kept");
    });
    User.pre("get", () => {
      throw new Error("no reads");
    });
    const item = await User.get("s1", { hooks: false });
    log.length = 0;
    if (item === undefined) throw new Error("s1 was not stored");
    item.visits = 2;
    await expect(item.save()).rejects.toThrow("frozen");
    await expect(User.update({ id: "s1" }, { visits: 3 })).rejects.toThrow("frozen");
    await expect(User.update({ id: "s1", visits: 4 })).rejects.toThrow("frozen");
    await expect(User.delete("s1")).rejects.toThrow("kept");
    await expect(item.delete()).rejects.toThrow("kept");
    await expect(User.get("s1")).rejects.toThrow("no reads");
    expect(sent()).toEqual([]);
    expect(await stored(User.table().name, "s1")).toEqual(before);
  });

  it("item.delete() and the one-argument update run the hooks: the item as the key, the key split off the update", async () => {
    const User = await freshModel();
    await User.create({ id: "d1", email: "a@b.c" }, { hooks: false });
    const seen: unknown[] = [];
    User.pre("delete", ({ key, operation }) => void seen.push([operation, key instanceof User ? "item" : key]));
    User.pre("save", (context) => {
      if (context.operation === "update") seen.push([context.operation, context.key, context.update]);
    });
    await User.update({ id: "d1", visits: 7 });
    const item = await User.get("d1");
    await item?.delete();
    expect(seen).toEqual([
      ["update", { id: "d1" }, { visits: 7 }],
      ["delete", "item"],
    ]);
    expect(await stored(User.table().name, "d1")).toBeUndefined();
  });

  it("post hooks run after success only", async () => {
    const User = await freshModel();
    const posts: string[] = [];
    User.post("save", (context) => void posts.push(context.operation));
    User.post("delete", (context) => void posts.push(context.operation));
    await User.create({ id: "u3", email: "a@b.c" });
    await expect(User.create({ id: "u3", email: "a@b.c" })).rejects.toThrow(dynamodel.error.ConditionalCheckFailed);
    await expect(User.create({ id: "u4", email: "invalid" })).rejects.toThrow(dynamodel.error.ValidationError);
    await expect(User.update({ id: "u3" }, { visits: 1 }, { condition: new dynamodel.Condition("visits").gt(5) })).rejects.toThrow(
      dynamodel.error.ConditionalCheckFailed,
    );
    await expect(User.delete("u3", { condition: new dynamodel.Condition("visits").gt(5) })).rejects.toThrow(
      dynamodel.error.ConditionalCheckFailed,
    );
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

  it("post sees the response's consumed capacity when the call asks for it (returnConsumedCapacity)", async () => {
    const User = await freshModel();
    const units: unknown[] = [];
    User.post("save", ({ response }) => void units.push(response.ConsumedCapacity));
    User.post("get", ({ response }) => void units.push(response.ConsumedCapacity?.CapacityUnits));
    await User.create({ id: "c1", email: "a@b.c" }, { returnConsumedCapacity: "TOTAL" });
    await User.get("c1", { returnConsumedCapacity: "TOTAL", consistent: true });
    expect(units).toEqual([expect.objectContaining({ CapacityUnits: 1 }), 1]);
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

  it("a throwing pre hook sends no query or scan; hooks(false) skips the hooks", async () => {
    const User = await freshModel();
    let posts = 0;
    User.pre("scan", () => {
      throw new Error("no scans");
    });
    User.pre("query", async () => {
      throw new Error("no queries");
    });
    User.post("scan", () => void posts++);
    User.post("query", () => void posts++);
    await expect(User.scan().exec()).rejects.toThrow("no scans");
    await expect(User.query("id").eq("q1").exec()).rejects.toThrow("no queries");
    expect(sent()).toEqual([]);
    await User.scan().hooks(false).exec();
    await User.query("id").eq("q1").hooks(false).exec();
    expect(sent()).toEqual(["scan", "query"]);
    expect(posts).toBe(0);
  });

  it("runs the pre hooks of each event in registration order, awaiting each, and post hooks after the request", async () => {
    const User = await freshModel();
    const steps: string[] = [];
    for (const event of ["get", "delete", "query", "scan"] as const) {
      User.pre(event, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        steps.push(`${event} pre1 sent=${sent().length}`);
      });
      User.pre(event, () => void steps.push(`${event} pre2`));
      User.post(event, () => void steps.push(`${event} post sent=${sent().length}`));
    }
    await User.get("o1");
    await User.delete("o1");
    await User.query("id").eq("o1").exec();
    await User.scan().exec();
    expect(steps).toEqual([
      "get pre1 sent=0",
      "get pre2",
      "get post sent=1",
      "delete pre1 sent=1",
      "delete pre2",
      "delete post sent=2",
      "query pre1 sent=2",
      "query pre2",
      "query post sent=3",
      "scan pre1 sent=3",
      "scan pre2",
      "scan post sent=4",
    ]);
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
