import { describe, expectTypeOf, it } from "vitest";
import type { HashKeyName, InferKey, RangeKeyName } from "../../src/schema/infer.js";
import { def } from "./define.js";

describe("key names", () => {
  it("finds the attributes marked hashKey / rangeKey", () => {
    const d = def({ data: String, pk: { type: String, hashKey: true }, sk: { type: Number, rangeKey: true } });
    expectTypeOf<HashKeyName<typeof d>>().toEqualTypeOf<"pk">();
    expectTypeOf<RangeKeyName<typeof d>>().toEqualTypeOf<"sk">();
  });

  it("is never when nothing is marked (the run-time default, the first attribute, is invisible to types)", () => {
    const d = def({ id: String, name: String });
    expectTypeOf<HashKeyName<typeof d>>().toBeNever();
    expectTypeOf<RangeKeyName<typeof d>>().toBeNever();
  });
});

describe("InferKey", () => {
  it("hash key only: the value or an object", () => {
    const d = def({ id: { type: Number, hashKey: true }, name: { type: String, required: true } });
    expectTypeOf<InferKey<typeof d>>().toEqualTypeOf<number | { id: number }>();
    const a: InferKey<typeof d> = 1;
    const b: InferKey<typeof d> = { id: 1 };
    // @ts-expect-error the hash key is a number
    const c: InferKey<typeof d> = "1";
    // @ts-expect-error not a key attribute
    const e: InferKey<typeof d> = { id: 1, name: "x" };
    expectTypeOf([a, b, c, e]).not.toBeAny();
  });

  it("hash and range keys: an object with both", () => {
    const d = def({
      pk: { type: String, hashKey: true },
      sk: { type: Date, rangeKey: true },
      other: String,
    });
    expectTypeOf<InferKey<typeof d>>().toEqualTypeOf<{ pk: string; sk: Date | number }>();
    // @ts-expect-error the range key is required
    const a: InferKey<typeof d> = { pk: "a" };
    // @ts-expect-error a scalar is not enough with a range key
    const b: InferKey<typeof d> = "a";
    expectTypeOf([a, b]).not.toBeAny();
  });

  it("CONSTANT and enum keys keep their literals", () => {
    const d = def({ pk: { type: String, hashKey: true, enum: ["a", "b"] } });
    expectTypeOf<InferKey<typeof d>>().toEqualTypeOf<"a" | "b" | { pk: "a" | "b" }>();
  });

  it("no key marked: a loose fallback", () => {
    const d = def({ id: String, n: Number });
    expectTypeOf<InferKey<typeof d>>().toEqualTypeOf<string | number | { id?: string; n?: number }>();
  });
});
