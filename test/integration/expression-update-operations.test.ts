/**
 * Update operations (`update.ifNotExists/increment/decrement/append/prepend`): the exact request, then the same
 * update run on DynamoDB Local; misuse refused before sending.
 */
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel, { update } from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
});

const schema = new dynamodel.Schema(
  {
    id: { type: String, hashKey: true },
    name: { type: String, set: (v: unknown) => String(v).trim() },
    count: Number,
    big: BigInt,
    level: { type: Number, validate: (v: unknown) => typeof v === "number" && v < 100 },
    log: { type: Array, schema: [{ type: String, set: (v: unknown) => String(v).toUpperCase() }] },
    any: Array,
    tags: { type: Set, schema: [String] },
    address: { type: Object, schema: { city: String, visits: Number, lines: { type: Array, schema: [String] } } },
    born: { type: { value: Date, settings: { storage: "seconds" } } },
  },
  { saveUnknown: ["extra", "extra.**"] },
);
const name = tableName("UpdateOps");
const Thing = dynamodel.model(name, schema, { throughput: "ON_DEMAND" });

describe("update operations: requests", () => {
  it("compile to SET with if_not_exists, + / - and list_append", async () => {
    const request = await Thing.update(
      { id: "a" },
      {
        name: update.ifNotExists("  bob "),
        count: update.increment(2),
        level: update.decrement(1),
        log: update.append(["x", "y"]),
        $SET: { any: update.prepend([1]), "address.visits": update.increment(1), born: update.ifNotExists(new Date(5_000)) },
      },
      { return: "request" },
    );
    expect(request).toEqual({
      Key: { id: { S: "a" } },
      TableName: name,
      UpdateExpression:
        "SET #n0 = if_not_exists(#n0, :v0), #n1 = if_not_exists(#n1, :v1) + :v2, #n2 = if_not_exists(#n2, :v3) - :v4, " +
        "#n3 = list_append(if_not_exists(#n3, :v5), :v6), #n4 = list_append(:v7, if_not_exists(#n4, :v8)), " +
        "#n5.#n6 = if_not_exists(#n5.#n6, :v9) + :v10, #n7 = if_not_exists(#n7, :v11)",
      ExpressionAttributeNames: {
        "#n0": "name",
        "#n1": "count",
        "#n2": "level",
        "#n3": "log",
        "#n4": "any",
        "#n5": "address",
        "#n6": "visits",
        "#n7": "born",
      },
      ExpressionAttributeValues: {
        ":v0": { S: "bob" },
        ":v1": { N: "0" },
        ":v2": { N: "2" },
        ":v3": { N: "0" },
        ":v4": { N: "1" },
        ":v5": { L: [] },
        ":v6": { L: [{ S: "X" }, { S: "Y" }] },
        ":v7": { L: [{ N: "1" }] },
        ":v8": { L: [] },
        ":v9": { N: "0" },
        ":v10": { N: "1" },
        ":v11": { N: "5" },
      },
      ReturnValues: "ALL_NEW",
    });
  });

  it("work on unknown attributes of a saveUnknown schema, and on list indexes", async () => {
    const request = await Thing.update(
      { id: "a" },
      { extra: update.increment(1), "address.lines[0]": update.ifNotExists("l1"), "extra2.x": update.increment(1) },
      { return: "request" },
    );
    expect(request).toMatchObject({
      UpdateExpression: "SET #n0 = if_not_exists(#n0, :v0) + :v1, #n1.#n2[0] = if_not_exists(#n1.#n2[0], :v2)",
      ExpressionAttributeNames: { "#n0": "extra", "#n1": "address", "#n2": "lines" },
      ExpressionAttributeValues: { ":v0": { N: "0" }, ":v1": { N: "1" }, ":v2": { S: "l1" } },
    });
  });

  it("refuse misuse before sending, naming the path", async () => {
    const u = (changes: Record<string, unknown>) => Thing.update({ id: "a" }, changes as never, { return: "request" });
    await expect(u({ name: update.increment(1) })).rejects.toMatchObject({ name: "TypeMismatch", path: "name", expected: "number" });
    await expect(u({ "address.city": update.decrement(1) })).rejects.toMatchObject({ name: "TypeMismatch", path: "address.city" });
    await expect(u({ $SET: { tags: update.append(["x"]) } })).rejects.toMatchObject({
      name: "TypeMismatch",
      path: "tags",
      expected: "list",
    });
    await expect(u({ count: update.prepend([1]) })).rejects.toMatchObject({ name: "TypeMismatch", path: "count" });
    await expect(u({ $ADD: { count: update.increment(1) } })).rejects.toMatchObject({
      name: "InvalidParameter",
      code: "misplaced_update_operation",
    });
    await expect(u({ $DELETE: { tags: update.append(["x"]) } })).rejects.toMatchObject({
      code: "misplaced_update_operation",
      path: "tags",
    });
    await expect(u({ address: { visits: update.increment(1) } })).rejects.toMatchObject({
      code: "misplaced_update_operation",
      path: "address.visits",
    });
    await expect(u({ id: update.ifNotExists("b") })).rejects.toMatchObject({ name: "InvalidParameter", path: "id" });
    await expect(u({ count: update.ifNotExists("x") })).rejects.toMatchObject({ name: "TypeMismatch", path: "count" });
    await expect(u({ level: update.ifNotExists(500) })).rejects.toMatchObject({ name: "ValidationError", path: "level" });
    await expect(u({ "address.lines": update.append(["ok", 3]) })).rejects.toMatchObject({ name: "TypeMismatch", path: "address.lines.1" });
    await expect(u({ count: update.increment(1), $ADD: { count: 1 } })).rejects.toMatchObject({ code: "overlapping_update_paths" });
    expect(() => update.increment(Number.NaN)).toThrow(expect.objectContaining({ code: "invalid_update_operation" }));
    expect(() => update.append("x" as never)).toThrow(expect.objectContaining({ code: "invalid_update_operation" }));
    expect(() => update.ifNotExists(undefined)).toThrow(expect.objectContaining({ code: "undefined_value" }));
  });

  it("markers are frozen, branded and recognisably typed", () => {
    const op = update.append(["x"]);
    expect(Object.isFrozen(op)).toBe(true);
    expect(Object.isFrozen(op.values)).toBe(true);
    expect({ ...op }).toEqual({ kind: "append", values: ["x"] });
    expect(dynamodel.update).toBe(update);
  });
});

describe("update operations: on DynamoDB Local", () => {
  it("start from 0 / an empty list on absent attributes, then apply to present ones", async () => {
    await Thing.create({ id: "run" });
    const first = await Thing.update(
      { id: "run" },
      {
        count: update.increment(5),
        level: update.decrement(2),
        big: update.increment(10n),
        log: update.append(["b"]),
        any: update.prepend([2]),
        name: update.ifNotExists("first"),
        extra: update.ifNotExists({ n: 1 }),
      },
    );
    expect({ ...first }).toMatchObject({ id: "run", count: 5, level: -2, big: 10n, log: ["B"], any: [2], name: "first", extra: { n: 1 } });
    const second = await Thing.update(
      { id: "run" },
      {
        count: update.decrement(1.5),
        level: update.increment(3),
        big: update.decrement(1n),
        log: update.prepend(["a"]),
        any: update.append([3, "x"]),
        name: update.ifNotExists("second"),
      },
    );
    expect({ ...second }).toMatchObject({ count: 3.5, level: 1, big: 9n, log: ["A", "B"], any: [2, 3, "x"], name: "first" });
  });

  it("on nested paths, leaving the rest of the map alone", async () => {
    await Thing.create({ id: "nested", address: { city: "Paris", visits: 1, lines: ["l1"] } });
    const updated = await Thing.update(
      { id: "nested" },
      {
        "address.visits": update.increment(2),
        "address.lines": update.append(["l2"]),
        $SET: { "address.city": update.ifNotExists("Lyon") },
      },
    );
    expect(updated?.address).toEqual({ city: "Paris", visits: 3, lines: ["l1", "l2"] });
  });
});
