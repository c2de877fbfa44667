/**
 * `saveUnknown` wildcards (issue #12): `["meta.*"]` keeps `meta` with one level of children, `["friend.**"]` keeps
 * `friend` whole, for maps and lists, top level and nested, in create, save, update, batch and transaction writes;
 * a name holding a dot is never taken for a nested path. Read back with the raw SDK from DynamoDB Local.
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

const client = localClient();
beforeAll(() => {
  dynamodel.aws.ddb.set(client);
});

const name = tableName("Wildcards");
const Doc = dynamodel.model(
  name,
  new dynamodel.Schema(
    { id: { type: String, hashKey: true }, address: Object, nested: { type: Object, schema: { a: String } } },
    { saveUnknown: ["meta.*", "friend.**", "address.*", "nested.extra.*"] },
  ),
);

async function stored(id: string): Promise<Record<string, AttributeValue>> {
  return (await client.getItem({ TableName: name, Key: { id: { S: id } }, ConsistentRead: true })).Item ?? {};
}

const input = (id: string) => ({
  id,
  meta: { a: 1, b: { c: 2 }, l: ["x", ["y"]] },
  friend: { x: { y: [1, { z: 2 }] } },
  address: { city: "Paris", geo: { lat: 1 } },
  nested: { a: "a", extra: { k: "v", deep: { d: 1 } }, other: 1 },
  "meta.isAdmin": true,
  dropped: 1,
});

const expected = (id: string): Record<string, AttributeValue> => ({
  id: { S: id },
  meta: { M: { a: { N: "1" }, b: { M: {} }, l: { L: [] } } },
  friend: { M: { x: { M: { y: { L: [{ N: "1" }, { M: { z: { N: "2" } } }] } } } } },
  address: { M: { city: { S: "Paris" }, geo: { M: {} } } },
  nested: { M: { a: { S: "a" }, extra: { M: { k: { S: "v" }, deep: { M: {} } } } } },
});

describe("saveUnknown wildcards", () => {
  it("keep one level (*) or all levels (**) on create and save, and read back what they keep", async () => {
    await Doc.create(input("c1") as never);
    expect(await stored("c1")).toEqual(expected("c1"));
    const item = new Doc(input("s1") as never);
    await item.save();
    expect(await stored("s1")).toEqual(expected("s1"));
    const read = await Doc.get("c1");
    expect(JSON.parse(JSON.stringify(read))).toEqual({
      id: "c1",
      meta: { a: 1, b: {}, l: [] },
      friend: { x: { y: [1, { z: 2 }] } },
      address: { city: "Paris", geo: {} },
      nested: { a: "a", extra: { k: "v", deep: {} } },
    });
  });

  it("keep the same in batch and transaction writes", async () => {
    await Doc.batchPut([input("b1"), input("b2")] as never);
    expect(await stored("b1")).toEqual(expected("b1"));
    await dynamodel.transaction([Doc.transaction.create(input("t1") as never)]);
    expect(await stored("t1")).toEqual(expected("t1"));
  });

  it("keep the same in updates, matched along the real path", async () => {
    await Doc.update({ id: "u1" }, { meta: { a: 1, b: { c: 2 } }, friend: { x: { y: 1 } } } as never);
    expect(await stored("u1")).toEqual({
      id: { S: "u1" },
      meta: { M: { a: { N: "1" }, b: { M: {} } } },
      friend: { M: { x: { M: { y: { N: "1" } } } } },
    });
    await Doc.update({ id: "u1" }, { "meta.b": { c: 3 }, "meta.isAdmin": true, "friend.x.y": { deep: [1] } } as never);
    expect(await stored("u1")).toEqual({
      id: { S: "u1" },
      meta: { M: { a: { N: "1" }, b: { M: {} }, isAdmin: { BOOL: true } } },
      friend: { M: { x: { M: { y: { M: { deep: { L: [{ N: "1" }] } } } } } } },
    });
    // A quoted top-level name holding a dot, and an unlisted name, are not kept: nothing is left to send.
    await expect(Doc.update({ id: "u1" }, { '["meta.isAdmin"]': true, dropped: 1 } as never)).rejects.toMatchObject({
      code: "empty_update",
    });
    expect(Object.keys(await stored("u1")).sort()).toEqual(["friend", "id", "meta"]);
  });
});

describe("saveUnknown list positions", () => {
  it("keep only the named positions of a list (as Dynamoose), and read the stored list back whole", async () => {
    const listName = tableName("Positions");
    const Listed = dynamodel.model(
      listName,
      new dynamodel.Schema({ id: String }, { saveUnknown: ["data", "data.1", "data.3", "meta", "meta.a"] }),
    );
    const created = await Listed.create({ id: "p", data: ["hello", "world", "universe", "galaxy"], meta: { a: 1, b: 2 } } as never);
    expect({ ...created }).toMatchObject({ data: ["world", "galaxy"], meta: { a: 1 } });
    const raw = (await client.getItem({ TableName: listName, Key: { id: { S: "p" } }, ConsistentRead: true })).Item;
    expect(raw).toEqual({ id: { S: "p" }, data: { L: [{ S: "world" }, { S: "galaxy" }] }, meta: { M: { a: { N: "1" } } } });
    expect({ ...(await Listed.get("p")) }).toEqual({ id: "p", data: ["world", "galaxy"], meta: { a: 1 } });
  });
});
