import type { ConsumedCapacity } from "@aws-sdk/client-dynamodb";
import { describe, expectTypeOf, it } from "vitest";
import dynamodel, { type CapacityEstimate, type ReturnConsumedCapacity } from "../../src/index.js";

const schema = new dynamodel.Schema({ id: { type: String, hashKey: true }, n: Number });
const User = dynamodel.model("CapTypes", schema, { returnConsumedCapacity: "TOTAL" });

describe("returnConsumedCapacity settings and results", () => {
  it("is accepted by every operation's settings, the model options and Table.defaults, and only its three modes", async () => {
    expectTypeOf<ReturnConsumedCapacity>().toEqualTypeOf<"TOTAL" | "INDEXES" | "NONE">();
    void User.get("u1", { returnConsumedCapacity: "INDEXES" });
    void User.create({ id: "u1" }, { returnConsumedCapacity: "TOTAL" });
    void User.update("u1", { n: 1 }, { returnConsumedCapacity: "NONE" });
    void User.delete("u1", { onConsumedCapacity: (capacity) => expectTypeOf(capacity).toEqualTypeOf<readonly ConsumedCapacity[]>() });
    void User.batchPut([{ id: "u1" }], { returnConsumedCapacity: "TOTAL" });
    void dynamodel.transaction([User.transaction.get("u1")], { returnConsumedCapacity: "TOTAL" });
    void User.query("id").eq("u1").returnConsumedCapacity("INDEXES").exec();
    dynamodel.Table.defaults.set({ returnConsumedCapacity: "TOTAL" });
    // @ts-expect-error the modes are upper case, as DynamoDB spells them
    void User.get("u1", { returnConsumedCapacity: "total" });
    // @ts-expect-error the modes are upper case, as DynamoDB spells them
    void User.scan().returnConsumedCapacity("indexes");
  });

  it("types the capacity each result kind carries", async () => {
    const item = await User.get("u1");
    expectTypeOf(dynamodel.consumedCapacity(item ?? {})).toEqualTypeOf<ConsumedCapacity | undefined>();
    expectTypeOf((await User.scan().exec()).consumedCapacity).toEqualTypeOf<ConsumedCapacity | undefined>();
    expectTypeOf((await User.query("id").eq("u1").count().exec()).consumedCapacity).toEqualTypeOf<ConsumedCapacity | undefined>();
    expectTypeOf((await User.batchGet(["u1"])).consumedCapacity).toEqualTypeOf<ConsumedCapacity | undefined>();
    expectTypeOf((await User.batchPut([{ id: "u1" }])).consumedCapacity).toEqualTypeOf<ConsumedCapacity | undefined>();
    expectTypeOf((await User.batchDelete(["u1"])).consumedCapacity).toEqualTypeOf<ConsumedCapacity | undefined>();
    const read = await dynamodel.transaction([User.transaction.get("u1")]);
    expectTypeOf(read.consumedCapacity).toEqualTypeOf<readonly ConsumedCapacity[] | undefined>();
  });

  it("types the estimates of requests and explain()", async () => {
    expectTypeOf((await User.get("u1", { return: "request" })).estimatedCapacity).toEqualTypeOf<CapacityEstimate>();
    expectTypeOf((await User.create({ id: "u1" }, { return: "request" })).estimatedCapacity).toEqualTypeOf<CapacityEstimate>();
    const chunks = await User.batchPut([{ id: "u1" }], { return: "requests" });
    expectTypeOf(chunks[0]?.estimatedCapacity).toEqualTypeOf<CapacityEstimate | undefined>();
    const transaction = await dynamodel.transaction([User.transaction.get("u1")], { return: "request" });
    expectTypeOf(transaction.estimatedCapacity).toEqualTypeOf<CapacityEstimate>();
    expectTypeOf(User.scan().explain().estimatedCapacity).toEqualTypeOf<CapacityEstimate | undefined>();
  });
});
