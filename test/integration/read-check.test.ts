/**
 * Reads check what they read: items stored (with the raw SDK) with an attribute of another DynamoDB type than the
 * schema declares are refused with `TypeMismatch` by every read (get, batchGet, query, scan, transaction Get, table
 * reads), with Dynamoose's message; items of the declared types read as before.
 */
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

const schema = new dynamodel.Schema({
  id: { type: String, hashKey: true },
  age: Number,
  name: String,
  born: { type: { value: Date, settings: { storage: "iso" } } },
  address: { type: Object, schema: { city: String } },
});
const Person = dynamodel.model(tableName("ReadCheck"), schema);

/** Stored maps, written with the raw SDK: one good item, and one per kind of mismatch (Dynamoose's test/Model.js cases). */
const stored = {
  good: {
    id: { S: "good" },
    age: { N: "30" },
    name: { S: "Ann" },
    born: { S: "2000-01-02T00:00:00.000Z" },
    address: { M: { city: { S: "Oslo" } } },
  },
  ageString: { id: { S: "ageString" }, age: { S: "Hello World" } },
  bornNumber: { id: { S: "bornNumber" }, born: { N: "946771200000" } },
  addressString: { id: { S: "addressString" }, address: { S: "test" } },
  nameBoolean: { id: { S: "nameBoolean" }, name: { BOOL: true } },
  cityNumber: { id: { S: "cityNumber" }, address: { M: { city: { N: "1" } } } },
} as const;

const messages = {
  ageString: "Expected age to be of type number, instead found type string.",
  bornNumber: "Expected born to be of type date, instead found type number.",
  addressString: "Expected address to be of type object, instead found type string.",
  nameBoolean: "Expected name to be of type string, instead found type boolean.",
  cityNumber: "Expected address.city to be of type string, instead found type number.",
} as const;
const bad = Object.keys(messages) as (keyof typeof messages)[];

beforeAll(async () => {
  const client = localClient();
  dynamodel.aws.ddb.set(client);
  await Person.table().initialize();
  await Promise.all(Object.values(stored).map((Item) => client.putItem({ TableName: Person.table().name, Item })));
}, 60_000);

describe("reads refuse a stored value of another type than the schema declares", () => {
  it("get rejects with TypeMismatch and Dynamoose's message", async () => {
    for (const id of bad) {
      const error = await Person.get(id).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(dynamodel.error.TypeMismatch);
      expect(error).toMatchObject({ name: "TypeMismatch", message: messages[id], code: "type_mismatch" });
    }
  });

  it("reads an item of the declared types as before", async () => {
    const item = await Person.get("good");
    expect({ ...item }).toEqual({
      id: "good",
      age: 30,
      name: "Ann",
      born: new Date("2000-01-02T00:00:00.000Z"),
      address: { city: "Oslo" },
    });
  });

  it("query, scan, batchGet, a transaction Get and a table scan reject too", async () => {
    const rejects = (promise: Promise<unknown>) => expect(promise).rejects.toThrow(dynamodel.error.TypeMismatch);
    await rejects(Person.query("id").eq("ageString").exec());
    await rejects(Person.scan().all().exec());
    await rejects(Person.batchGet(["good", "bornNumber"]));
    await rejects(dynamodel.transaction([Person.transaction.get("nameBoolean")]));
    await rejects(Person.table().scan().exec());
    await expect(Person.scan("id").eq("good").exec()).resolves.toHaveLength(1);
    await expect(Person.batchGet(["good"])).resolves.toHaveLength(1);
  });
});
