/**
 * A COMBINE among several types of one attribute (Dynamoose's `[{ type: "Combine" }, String]`): `new Schema()`
 * accepts it, every write refuses it with `InvalidParameter` before sending (as Dynamoose does), reads work.
 */
import { describe, expect, it } from "vitest";
import dynamodel from "../../src/index.js";
import { localClient, tableName } from "../support/local.js";
import { recordDefaultClient } from "../support/recording-client.js";

const log = recordDefaultClient();

describe("COMBINE among several types", () => {
  it("is accepted by the schema and refused by every write, nothing sent; reads work", async () => {
    const name = tableName("CombineUnion");
    const Model = dynamodel.model(
      name,
      new dynamodel.Schema({
        id: Number,
        a: String,
        other: [{ type: { value: "Combine", settings: { attributes: ["a"] } } }, String],
      } as never),
    );
    await Model.table().initialize();
    await localClient().putItem({ TableName: name, Item: { id: { N: "1" }, a: { S: "x" }, other: { S: "x" } } });
    log.length = 0;
    const writes: [string, () => Promise<unknown>][] = [
      ["create", () => Model.create({ id: 2, a: "y" } as never)],
      ["save", () => new Model({ id: 2, a: "y" } as never).save()],
      ["update", () => Model.update({ id: 1 } as never, { a: "z" } as never)],
      ["batchPut", () => Model.batchPut([{ id: 2, a: "y" }] as never)],
      ["transaction", async () => dynamodel.transaction([Model.transaction.create({ id: 2, a: "y" } as never)])],
      ["objectFromSchema", () => Model.objectFromSchema({ id: 1 }, Model.Model, { type: "toDynamo", combine: true })],
    ];
    for (const [what, write] of writes) {
      const error = await write().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, what).toBeInstanceOf(dynamodel.error.InvalidParameter);
      expect((error as InstanceType<typeof dynamodel.error.InvalidParameter>).path, what).toBe("other");
    }
    expect(log.filter((r) => r.operation !== "describeTable").map((r) => r.operation)).toEqual([]);
    expect({ ...(await Model.get(1 as never)) }).toEqual({ id: 1, a: "x", other: "x" });
    expect(await Model.objectFromSchema({ id: 1, other: "x" }, Model.Model, { type: "toDynamo" })).toEqual({ id: 1, other: "x" });
  });

  it("takes Combine by name among several types", () => {
    expect(() => new dynamodel.Schema({ id: Number, other: [{ type: "Combine" }, String] } as never)).not.toThrow();
  });
});
