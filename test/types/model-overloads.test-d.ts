import { describe, expectTypeOf, it } from "vitest";
import dynamodel, { type InferItem, type ItemOf } from "../../src/index.js";

const Order = dynamodel.model("OverloadOrder", {
  id: { type: String, hashKey: true },
  status: { type: String, enum: ["open", "paid"] },
  total: Number,
});
type Order = ItemOf<InferItem<typeof Order>>;

// The overload order makes TypeScript 7 (which reports the last overload taking as many arguments) point at the
// wrong value, and keeps an untyped update object resolving the item.
describe("model method overloads", () => {
  it("a wrong value in update is an error in every form", () => {
    // @ts-expect-error not an allowed status
    void Order.update({ id: "o1" }, { status: "shipped" });
    // @ts-expect-error total is a number
    void Order.update("o1", { total: "x" }, {});
    // @ts-expect-error not an allowed status
    void Order.update({ id: "o1", status: "shipped" });
    // @ts-expect-error not an allowed status
    Order.update({ id: "o1" }, { status: "shipped" }, () => {});
  });

  it("every form resolves what it did", async () => {
    expectTypeOf(await Order.update({ id: "o1" }, { status: "paid" })).toEqualTypeOf<Order>();
    expectTypeOf(await Order.update({ id: "o1", status: "paid" })).toEqualTypeOf<Order>();
    expectTypeOf(await Order.update({ id: "o1" }, {} as never)).toEqualTypeOf<Order>();
    expectTypeOf(Order.update({ id: "o1" }, { total: 1 }, (error, item) => void [error, item])).toBeVoid();
    expectTypeOf(Order.update({ id: "o1", total: 1 }, (error, item) => void [error, item])).toBeVoid();
    expectTypeOf(await Order.update({ id: "o1" }, { total: 1 }, { return: "request" })).toHaveProperty("UpdateExpression");
    expectTypeOf(await Order.get("o1")).toEqualTypeOf<Order | undefined>();
    expectTypeOf(Order.get("o1", (error, item) => void [error, item])).toBeVoid();
    expectTypeOf(await Order.create({ id: "o1" })).toEqualTypeOf<Order>();
    expectTypeOf(await Order.delete("o1")).toBeVoid();
  });
});
