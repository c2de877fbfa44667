/** The runtime classes `Item`, `Query` and `Scan`: exported as values, and what items and builders are instances of. */
import { describe, expect, it } from "vitest";
import dynamodel, { Item, Query, Scan } from "../../../src/index.js";

const User = dynamodel.model(`ItemClass${Math.random().toString(36).slice(2)}`, { id: String, name: String });

describe("runtime exports", () => {
  it("every item is an instance of dynamodel.Item", () => {
    const user = new User({ id: "u1" });
    expect(user).toBeInstanceOf(Item);
    expect(user).toBeInstanceOf(dynamodel.Item);
    expect(dynamodel.Item).toBe(Item);
  });

  it("query() and scan() build instances of Query and Scan", () => {
    expect(User.query("id").eq("u1")).toBeInstanceOf(Query);
    expect(User.scan()).toBeInstanceOf(Scan);
    expect([dynamodel.Query, dynamodel.Scan]).toEqual([Query, Scan]);
  });

  it("a class can extend Item (Dynamoose's TypeScript pattern)", () => {
    class Order extends Item {
      declare id: string;
    }
    const Orders = dynamodel.model<Order>(`Order${Math.random().toString(36).slice(2)}`, { id: String });
    const order = new Orders({ id: "o1" });
    expect(order).toBeInstanceOf(Item);
    expect(order.id).toBe("o1");
    expect(Object.getPrototypeOf(Order.prototype)).toBe(Item.prototype);
  });
});
