import { describe, expectTypeOf, it } from "vitest";
import dynamodel, { type IncrementOperation, update } from "../../src/index.js";
import type { InferUpdate } from "../../src/schema/infer.js";
import { def } from "./define.js";

const d = def({
  id: { type: String, hashKey: true },
  name: { type: String, required: true },
  age: Number,
  big: BigInt,
  status: { type: String, enum: ["a", "b"] },
  tags: { type: Set, schema: [String] },
  history: { type: Array, schema: [String] },
  scores: { type: Array, schema: [Number] },
  address: { type: Object, schema: { city: String, zip: Number } },
  when: Date,
});
type Update = InferUpdate<typeof d>;

describe("update operations in InferUpdate", () => {
  it("the markers are typed by their value", () => {
    expectTypeOf(update.increment(1)).toEqualTypeOf<IncrementOperation<number>>();
    expectTypeOf(update.increment(1n)).toEqualTypeOf<IncrementOperation<bigint>>();
    expectTypeOf(update.append(["x"]).values).toEqualTypeOf<readonly string[]>();
    expectTypeOf(update.ifNotExists(3).value).toEqualTypeOf<number>();
    expectTypeOf(dynamodel.update).toEqualTypeOf(update);
  });

  it("ifNotExists takes the attribute's value type, on any attribute", () => {
    const a: Update = { name: update.ifNotExists("x"), when: update.ifNotExists(new Date()), tags: update.ifNotExists(["x"]) };
    const b: Update = { $SET: { age: update.ifNotExists(0), address: update.ifNotExists({ city: "Paris" }) } };
    const c: Update = { status: update.ifNotExists("a") };
    // @ts-expect-error age is a number
    const bad: Update = { age: update.ifNotExists("0") };
    // @ts-expect-error not in the enum
    const badEnum: Update = { status: update.ifNotExists("c") };
    expectTypeOf([a, b, c, bad, badEnum]).not.toBeAny();
  });

  it("increment and decrement only on numbers", () => {
    const a: Update = { age: update.increment(1), $SET: { age: update.decrement(2) } };
    const b: Update = { big: update.increment(1n) };
    // @ts-expect-error name is a string
    const c: Update = { name: update.increment(1) };
    // @ts-expect-error a Date is not a number, although a number is accepted as its input
    const e: Update = { when: update.increment(1) };
    // @ts-expect-error in $SET too
    const f: Update = { $SET: { tags: update.decrement(1) } };
    // @ts-expect-error a bigint attribute takes a bigint
    const g: Update = { big: update.increment(1) };
    expectTypeOf([a, b, c, e, f, g]).not.toBeAny();
  });

  it("append and prepend only on lists, with the element type", () => {
    const a: Update = { history: update.append(["x"]), scores: update.prepend([1, 2]) };
    const b: Update = { $SET: { history: update.prepend(["y"]) } };
    // @ts-expect-error elements of history are strings
    const c: Update = { history: update.append([1]) };
    // @ts-expect-error tags is a set, not a list
    const e: Update = { tags: update.append(["x"]) };
    // @ts-expect-error name is not a list
    const f: Update = { $SET: { name: update.prepend(["x"]) } };
    expectTypeOf([a, b, c, e, f]).not.toBeAny();
  });

  it("not on key attributes, nor in $ADD; dotted paths take any operation", () => {
    const a: Update = { "address.zip": update.increment(1), $SET: { "address.city": update.ifNotExists("Lyon") } };
    // @ts-expect-error keys can not be set
    const b: Update = { $SET: { id: update.ifNotExists("x") } };
    // @ts-expect-error $ADD takes numbers
    const c: Update = { $ADD: { age: update.increment(1) } };
    expectTypeOf([a, b, c]).not.toBeAny();
  });

  it("Model.update accepts them", () => {
    const User = dynamodel.model("TypedUpdateOps", new dynamodel.Schema(d));
    expectTypeOf(User.update).toBeFunction();
    const call = () => User.update({ id: "1" }, { age: update.increment(1), history: update.append(["x"]) });
    // @ts-expect-error increment on a string
    const bad = () => User.update({ id: "1" }, { name: update.increment(1) });
    expectTypeOf([call, bad]).not.toBeAny();
  });
});
