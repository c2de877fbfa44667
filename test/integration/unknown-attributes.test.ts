import { GetItemCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
});

const definition = {
  id: { type: String, hashKey: true },
  name: String,
  address: { type: Object, schema: { city: String, zip: Number } },
  lines: { type: Array, schema: [{ type: Object, schema: { sku: String } }] },
} as const;

/** The item as stored, read with the raw SDK. */
async function stored(table: string, id: string) {
  const output = await localClient().send(new GetItemCommand({ TableName: table, Key: { id: { S: id } } }));
  return output.Item;
}

describe("names the schema does not declare", () => {
  const Loose = dynamodel.model(tableName("UnknownDrop"), new dynamodel.Schema(definition), { expires: 3600 });
  const Strict = dynamodel.model(tableName("UnknownThrow"), new dynamodel.Schema(definition), {
    unknownAttributes: "throw",
    expires: 3600,
  });

  it("are dropped silently by default, as in Dynamoose (create and update, top-level and nested)", async () => {
    await Loose.create({ id: "a", name: "x", nmae: "typo", address: { city: "Paris", citty: "typo" } } as never);
    await Loose.update({ id: "a" }, { name: "y", "address.citty": "Lyon", nmae: "y" } as never);
    const item = await stored(Loose.table().name, "a");
    expect(item?.nmae).toBeUndefined();
    expect(item?.name).toEqual({ S: "y" });
    expect(item?.address).toEqual({ M: { city: { S: "Paris" } } });
  });

  it('are refused with unknownAttributes: "throw", each path named, nothing sent', async () => {
    await Strict.create({ id: "other" }); // the table exists, so that "nothing stored" is checked below
    const create = Strict.create({
      id: "b",
      name: "x",
      nmae: "typo",
      address: { city: "Paris", citty: "typo" },
      lines: [{ sku: "s", skuu: 1 }],
    } as never);
    await expect(create).rejects.toMatchObject({
      name: "UnknownAttribute",
      code: "unknown_attribute",
      issues: [{ path: "nmae" }, { path: "address.citty" }, { path: "lines.0.skuu" }],
    });
    await expect(create).rejects.toThrow(/"nmae", "address.citty", "lines.0.skuu"/);
    await expect(create).rejects.not.toThrow(/typo/);
    expect(await stored(Strict.table().name, "b")).toBeUndefined();
    await expect(new Strict({ id: "b", nmae: "typo" } as never).save()).rejects.toMatchObject({ name: "UnknownAttribute", path: "nmae" });
  });

  it("refuses unknown update paths, plain and nested, in every operator", async () => {
    await Strict.create({ id: "c", name: "x", address: { city: "Paris" } });
    const refused = async (update: object, path: string) =>
      expect(Strict.update({ id: "c" }, update as never)).rejects.toMatchObject({ name: "UnknownAttribute", path });
    await refused({ "address.citty": "Lyon" }, "address.citty");
    await refused({ nmae: "y" }, "nmae");
    await refused({ $SET: { "address.citty": "Lyon" } }, "address.citty");
    await refused({ $ADD: { count: 1 } }, "count");
    await refused({ $REMOVE: ["address.citty"] }, "address.citty");
    await refused({ $DELETE: { tagz: ["x"] } }, "tagz");
    await refused({ address: { city: "Lyon", citty: "typo" } }, "address.citty");
    const item = await stored(Strict.table().name, "c");
    expect(item?.address).toEqual({ M: { city: { S: "Paris" } } });
  });

  it("accepts what the schema and the table declare", async () => {
    const item = await Strict.create({ id: "d", name: "x", address: { city: "Paris" }, lines: [{ sku: "s" }] });
    const read = await Strict.get("d");
    await read?.save();
    const updated = await Strict.update({ id: "d" }, { "address.zip": 75001, ttl: new Date(Date.now() + 60_000) });
    expect(updated.address).toEqual({ city: "Paris", zip: 75001 });
    expect(item.ttl).toBeInstanceOf(Date);
  });

  it('keeps saveUnknown\'s names with unknownAttributes: "throw"', async () => {
    const Kept = dynamodel.model(tableName("UnknownKept"), new dynamodel.Schema(definition, { saveUnknown: ["extra", "address.*"] }), {
      unknownAttributes: "throw",
    });
    await Kept.create({ id: "e", extra: 1, address: { country: "FR" } } as never);
    await Kept.update({ id: "e" }, { "address.region": "IDF", extra: 2 });
    await expect(Kept.update({ id: "e" }, { other: 1 })).rejects.toMatchObject({ name: "UnknownAttribute", path: "other" });
    const item = await stored(Kept.table().name, "e");
    expect(item?.address).toEqual({ M: { country: { S: "FR" }, region: { S: "IDF" } } });
  });
});
