/**
 * Model features end to end on DynamoDB Local: aliases, saveUnknown, hostile names, references, methods,
 * serializers, numbers that a JavaScript number can not hold.
 */
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
});

describe("aliases", () => {
  const Account = dynamodel.model(
    tableName("Alias"),
    new dynamodel.Schema({
      pk: { type: String, hashKey: true, map: "accountId" },
      n: { type: String, alias: ["nick", "nickname"], defaultAlias: "nick" },
    }),
  );

  it("writes under the stored names and reads under the app names", async () => {
    const created = await Account.create({ accountId: "a1", nickname: "ada" } as never);
    expect({ ...created }).toEqual({ accountId: "a1", nick: "ada" });
    const request = await Account.get({ accountId: "a1" } as never, { return: "request" });
    expect(request.Key).toEqual({ pk: { S: "a1" } });
    const read = await Account.get("a1");
    expect(read?.original()).toEqual({ pk: "a1", n: "ada" });
    await expect(Account.create({ pk: "a2", accountId: "a2" } as never)).rejects.toMatchObject({ name: "InvalidParameter" });
  });

  it("accepts aliases in conditions, scans and queries", async () => {
    await Account.create({ accountId: "a3", nickname: "cy" } as never);
    const scanned = await Account.scan("nick").eq("cy").exec();
    expect(scanned.map((item) => ({ ...item }))).toEqual([{ accountId: "a3", nick: "cy" }]);
    const queried = await Account.query("accountId").eq("a3").exec();
    expect(queried).toHaveLength(1);
    await expect(Account.delete("a3", { condition: { nickname: { eq: "zz" } } })).rejects.toMatchObject({
      name: "ConditionalCheckFailedException",
    });
    await Account.delete("a3", { condition: { nickname: { eq: "cy" } } });
    expect(await Account.get("a3")).toBeUndefined();
  });
});

describe("saveUnknown and hostile names", () => {
  const Doc = dynamodel.model(
    tableName("Unknown"),
    new dynamodel.Schema(
      { id: { type: String, hashKey: true }, meta: { type: Object, schema: { a: String } } },
      { saveUnknown: ["extra", "meta.**"] },
    ),
  );

  it("keeps the listed unknown attributes and drops the others", async () => {
    await Doc.create({ id: "d1", extra: { deep: [1, "x", true, null] }, dropped: 1, meta: { a: "a", b: { c: 2 } } } as never);
    const read = await Doc.get("d1");
    expect({ ...read }).toEqual({ id: "d1", extra: { deep: [1, "x", true, null] }, meta: { a: "a", b: { c: 2 } } });
  });

  it("stores names like __proto__, constructor and expression syntax as data", async () => {
    const Free = dynamodel.model(tableName("Free"), new dynamodel.Schema({ id: { type: String, hashKey: true } }, { saveUnknown: true }));
    const hostile = JSON.parse(
      '{"id":"#a :b","__proto__":{"polluted":true},"constructor":"c","a.b":"dot","#n0":":v0","size":"reserved","ünï":"ü"}',
    );
    await Free.create(hostile);
    const request = await Free.create({ ...hostile, id: "x" }, { return: "request" });
    expect(Object.getOwnPropertyDescriptor(request.Item, "__proto__")?.value).toEqual({ M: { polluted: { BOOL: true } } });
    const read = await Free.get("#a :b");
    // The AWS SDK v3's response parser drops the value of an attribute named __proto__ (it keeps the key with an
    // undefined value); every other attribute comes back exactly, and nothing is polluted.
    const { __proto__: _dropped, ...rest } = hostile;
    expect(JSON.parse(JSON.stringify(read))).toEqual(JSON.parse(JSON.stringify(rest)));
    expect(Object.getPrototypeOf(read)).not.toHaveProperty("polluted");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const updated = await Free.update("#a :b", { $SET: { size: "still data" } });
    expect(updated.size).toBe("still data");
  });
});

describe("numbers", () => {
  it("refuses NaN and Infinity before sending", async () => {
    const N = dynamodel.model(tableName("Nan"), new dynamodel.Schema({ id: { type: String, hashKey: true }, n: Number }));
    await expect(N.create({ id: "x", n: Number.NaN })).rejects.toMatchObject({ name: "TypeMismatch", path: "n" });
    await expect(N.create({ id: "x", n: Number.POSITIVE_INFINITY })).rejects.toMatchObject({ name: "TypeMismatch", path: "n" });
  });

  it("never rounds a stored number silently; BigInt attributes read it exactly", async () => {
    const name = tableName("Big");
    const Loose = dynamodel.model(name, new dynamodel.Schema({ id: { type: String, hashKey: true }, n: Number }));
    await Loose.create({ id: "seed" });
    await localClient().putItem({ TableName: name, Item: { id: { S: "big" }, n: { N: "12345678901234567890123456789012345678" } } });
    await expect(Loose.get("big")).rejects.toMatchObject({ name: "TypeMismatch", path: "n" });
    const Exact = dynamodel.model(`${name}_exact`, new dynamodel.Schema({ id: { type: String, hashKey: true }, n: BigInt }), {
      tableName: name,
      create: false,
    });
    expect((await Exact.get("big"))?.n).toBe(12345678901234567890123456789012345678n);
    await Exact.create({ id: "big2", n: 2n ** 100n });
    expect((await Exact.get("big2"))?.n).toBe(2n ** 100n);
  });
});

describe("references and populate", () => {
  const Parent = dynamodel.model(tableName("Parent"), new dynamodel.Schema({ id: { type: String, hashKey: true }, name: String }));
  const Child = dynamodel.model(
    tableName("Child"),
    new dynamodel.Schema({ id: { type: String, hashKey: true }, parent: Parent, missing: Parent }),
  );

  it("stores the key and populates the referenced item; a missing one keeps its key", async () => {
    const parent = await Parent.create({ id: "p1", name: "Pa" });
    await Child.create({ id: "c1", parent, missing: "nope" });
    const child = await Child.get("c1");
    expect(child?.original()).toEqual({ id: "c1", parent: "p1", missing: "nope" });
    const populated = await child?.populate();
    expect({ ...(populated?.parent as object) }).toEqual({ id: "p1", name: "Pa" });
    expect(populated?.missing).toBe("nope");
  });
});

describe("methods and serializers", () => {
  const Person = dynamodel.model(
    tableName("Person"),
    new dynamodel.Schema({ id: { type: String, hashKey: true }, name: String, secret: String }),
  );

  it("adds static and item methods with promise and callback styles", async () => {
    Person.methods.set("byId", async function (this: typeof Person, id: unknown) {
      return this.get(id as string);
    });
    Person.methods.item.set("shout", function (this: { name?: string }, cb: unknown) {
      (cb as (e: null, v: string) => void)(null, `${this.name}!`);
    });
    Person.methods.set("get", () => "never replaces a built-in");
    await Person.create({ id: "m1", name: "ann", secret: "s" });
    const found = await (Person as unknown as { byId(id: string): Promise<{ name: string }> }).byId("m1");
    expect(found.name).toBe("ann");
    expect(await (new Person({ id: "x", name: "bo" }) as unknown as { shout(): Promise<string> }).shout()).toBe("bo!");
    expect(typeof Person.get).toBe("function");
    expect(await Person.get("m1")).toBeDefined();
  });

  it("serializes with include, exclude and modify", async () => {
    Person.serializer.add("public", { exclude: ["secret"] });
    Person.serializer.add("names", ["name"]);
    Person.serializer.add("upper", { include: ["name"], modify: (s) => ({ ...s, name: String(s.name).toUpperCase() }) });
    const person = new Person({ id: "s1", name: "ann", secret: "x" });
    expect(person.serialize("public")).toEqual({ id: "s1", name: "ann" });
    expect(person.serialize("names")).toEqual({ name: "ann" });
    expect(Person.serializeMany([person], "upper")).toEqual([{ name: "ANN" }]);
    expect(() => Person.serializer.delete("_default")).toThrow(dynamodel.error.InvalidParameter);
    expect(person.toJSON()).toEqual({ id: "s1", name: "ann", secret: "x" });
  });
});

describe("the 400 KB item limit", () => {
  const Blob = dynamodel.model(
    tableName("Blob"),
    new dynamodel.Schema({ id: { type: String, hashKey: true }, text: String, list: { type: Array, schema: [String] } }),
  );

  it("refuses an item over 400 KB before sending, on create, batchPut and transactions", async () => {
    const big = { id: "big", text: "é".repeat(180_000), list: ["x".repeat(60_000)] };
    await expect(Blob.create(big)).rejects.toMatchObject({ name: "LimitExceeded", code: "item_too_large" });
    await expect(Blob.batchPut([{ id: "ok" }, big])).rejects.toMatchObject({ name: "LimitExceeded" });
    await expect(Blob.transaction.create(big)).rejects.toMatchObject({ name: "LimitExceeded" });
    expect(await Blob.get("ok")).toBeUndefined();
    const fits = { id: "fits", text: "é".repeat(150_000), list: ["x".repeat(50_000)] };
    await Blob.create(fits);
    expect((await Blob.get("fits"))?.text).toHaveLength(150_000);
  });
});

describe("several schemas", () => {
  const Shape = dynamodel.model(tableName("MultiSchema"), [
    new dynamodel.Schema({ id: { type: String, hashKey: true }, a: String }),
    new dynamodel.Schema({ id: { type: String, hashKey: true }, b: Number, c: String }),
  ]);

  it("writes each item with the schema that matches it best (the first on ties), nothing dropped", async () => {
    const request = await Shape.create({ id: "m1", b: 3, c: "x" } as never, { return: "request" });
    expect(request.Item).toEqual({ id: { S: "m1" }, b: { N: "3" }, c: { S: "x" } });
    await Shape.create({ id: "m1", b: 3, c: "x" } as never);
    await Shape.create({ id: "m2", a: "y" } as never);
    expect({ ...(await Shape.get("m1")) }).toEqual({ id: "m1", b: 3, c: "x" });
    expect({ ...(await Shape.get("m2")) }).toEqual({ id: "m2", a: "y" });
    await Shape.batchPut([{ id: "m3", b: 4, c: "z" }] as never);
    expect({ ...(await Shape.get("m3")) }).toEqual({ id: "m3", b: 4, c: "z" });
    // A tie (only the key) goes to the first schema.
    expect((await Shape.create({ id: "m4" } as never, { return: "request" })).Item).toEqual({ id: { S: "m4" } });
  });
});
