import { describe, expectTypeOf, it } from "vitest";
import dynamodel, { type Condition, type InferItem, type ItemOf } from "../../src/index.js";

const Order = dynamodel.model("ConditionTypedOrder", {
  id: { type: String, hashKey: true },
  status: { type: String, enum: ["open", "paid"] },
  total: Number,
  lines: { type: Array, schema: [{ type: Object, schema: { sku: String, qty: Number } }] },
  address: { type: Object, schema: { city: String, zip: Number } },
});
type Order = ItemOf<InferItem<typeof Order>>;

describe("conditions typed from a model", () => {
  it("new Condition<typeof Order>() checks names, nested paths and values", () => {
    const c = new dynamodel.Condition<typeof Order>().where("status").eq("paid");
    expectTypeOf(c).toEqualTypeOf<Condition<typeof Order>>();
    expectTypeOf(new dynamodel.Condition<typeof Order>().where("address.city")).toEqualTypeOf<Condition<typeof Order, string>>();
    void new dynamodel.Condition<typeof Order>().where("lines[0].qty").gt(1);
    void new dynamodel.Condition<typeof Order>().where("total").between(1, 5);
    // @ts-expect-error misspelt attribute
    void new dynamodel.Condition<typeof Order>().where("stauts");
    // @ts-expect-error misspelt nested attribute
    void new dynamodel.Condition<typeof Order>().where("address.citty");
    // @ts-expect-error not an allowed status
    void new dynamodel.Condition<typeof Order>().where("status").eq("shipped");
    // @ts-expect-error total is a number
    void new dynamodel.Condition<typeof Order>().filter("total").gt("1");
  });

  it("the constructor's path and object forms are checked", () => {
    void new dynamodel.Condition<typeof Order>("status");
    void new dynamodel.Condition<typeof Order>({ status: "open", total: { gt: 1 } });
    // @ts-expect-error misspelt attribute
    void new dynamodel.Condition<typeof Order>("stauts");
    // @ts-expect-error misspelt attribute in the object form
    void new dynamodel.Condition<typeof Order>({ stauts: "open" });
    // @ts-expect-error not an allowed status in the object form
    void new dynamodel.Condition<typeof Order>({ status: "shipped" });
    // untyped conditions take any name, as in Dynamoose
    void new dynamodel.Condition("stauts").eq(1);
  });

  it("the item type a model returns (ItemOf) types a condition too, without its methods", () => {
    void new dynamodel.Condition<Order>().where("status").eq("open");
    void new dynamodel.Condition<Order>().where("address.zip").eq(75001);
    // @ts-expect-error an Item method is not an attribute
    void new dynamodel.Condition<Order>().where("save");
    // @ts-expect-error not an allowed status
    void new dynamodel.Condition<Order>().where("status").eq("shipped");
  });

  it("typed conditions go where conditions go", async () => {
    const paid = new dynamodel.Condition<typeof Order>().where("status").eq("paid");
    void Order.update({ id: "o1" }, { total: 2 }, { condition: paid });
    void Order.delete("o1", { condition: paid });
    void Order.query("id").eq("o1").where("total").gt(1).exec();
    void Order.scan(new dynamodel.Condition<Order>().where("total").gt(1));
  });
});
