import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";

beforeAll(() => {
  dynamodel.aws.ddb.set(localClient());
});

describe("model CRUD against DynamoDB Local", () => {
  const schema = new dynamodel.Schema(
    {
      id: { type: String, hashKey: true },
      email: { type: String, required: true, validate: /@/ },
      age: { type: Number, validate: (v: unknown) => (v as number) >= 0 },
      tags: { type: Set, schema: [String] },
      address: { type: Object, schema: { city: String, zip: { type: Number, default: 0 } } },
      roles: { type: Array, schema: [{ type: String, enum: ["admin", "user"] }] },
      balance: { type: Number, default: 0 },
    },
    { timestamps: true },
  );
  const User = dynamodel.model(tableName("User"), schema);

  it("creates, reads, updates and deletes", async () => {
    const created = await User.create({ id: "u1", email: "a@b.c", age: 3, tags: ["x", "y"], address: { city: "Paris" }, roles: ["admin"] });
    expect(created.balance).toBe(0);
    expect(created.createdAt).toBeInstanceOf(Date);
    const read = await User.get("u1");
    expect(read?.email).toBe("a@b.c");
    expect(read?.tags).toEqual(new Set(["x", "y"]));
    expect(read?.address).toEqual({ city: "Paris", zip: 0 });
    const updated = await User.update({ id: "u1" }, { $ADD: { age: 2 }, "address.city": "Lyon" });
    expect(updated.age).toBe(5);
    expect(updated.address).toEqual({ city: "Lyon", zip: 0 });
    await expect(User.create({ id: "u1", email: "a@b.c" })).rejects.toMatchObject({ name: "ConditionalCheckFailedException" });
    // Code written for the SDK (and Dynamoose, which rethrows its errors) still recognizes it.
    await expect(User.create({ id: "u1", email: "a@b.c" })).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    await User.delete("u1");
    expect(await User.get("u1")).toBeUndefined();
  });

  it("refuses bad input before sending", async () => {
    await expect(User.create({ id: "u2", email: "nope", age: -1 })).rejects.toMatchObject({ name: "ValidationError" });
    expect(await User.get("u2")).toBeUndefined();
  });
});
