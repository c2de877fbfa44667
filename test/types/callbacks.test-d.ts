import { describe, expectTypeOf, it } from "vitest";
import { type } from "../../src/schema/attribute-types.js";
import { model } from "../../src/model/define-model.js";
import { Schema } from "../../src/schema/schema.js";

describe("callbacks typed from their attribute (plain definitions)", () => {
  it("types validate, set, get and default of each scalar type", () => {
    new Schema({
      n: { type: Number, validate: (v) => expectTypeOf(v).toEqualTypeOf<number>() !== undefined && v > 0 },
      s: {
        type: String,
        set: (v, old) => {
          expectTypeOf(v).toEqualTypeOf<string>();
          expectTypeOf(old).toEqualTypeOf<string | null | undefined>();
          return v.trim();
        },
        get: (v) => {
          expectTypeOf(v).toEqualTypeOf<string>();
          return v.toUpperCase();
        },
        default: () => "x",
      },
      b: { type: Boolean, validate: (v) => expectTypeOf(v).toEqualTypeOf<boolean>() !== undefined },
      big: { type: BigInt, set: (v) => v + 1n },
      // As in Dynamoose, a Date attribute's `set` and `validate` get its stored form (epoch number, or ISO text with
      // storage "iso"); `get` a Date.
      d: {
        type: Date,
        set: (v) => {
          expectTypeOf(v).toEqualTypeOf<number | string>();
          return v;
        },
        get: (v) => {
          expectTypeOf(v).toEqualTypeOf<Date>();
          return v;
        },
        default: () => new Date(0),
      },
      e: { type: String, enum: ["a", "b"], validate: (v) => expectTypeOf(v).toEqualTypeOf<"a" | "b">() !== undefined },
      buf: { type: Buffer, validate: (v) => expectTypeOf(v).toEqualTypeOf<Buffer | Uint8Array>() !== undefined },
    });
  });

  it("types nested maps, arrays, sets and multi-type attributes", () => {
    new Schema({
      o: {
        type: Object,
        schema: { city: { type: String, validate: (v) => v.length > 0 }, zip: { type: Number, required: true } },
        validate: (v) => {
          expectTypeOf(v).toEqualTypeOf<{ city?: string; zip: number }>();
          return v.zip > 0;
        },
      },
      list: {
        type: Array,
        schema: [{ type: Number, validate: (v) => expectTypeOf(v).toEqualTypeOf<number>() !== undefined }],
        validate: (v) => {
          expectTypeOf(v).toEqualTypeOf<readonly number[]>();
          return v.length > 0;
        },
      },
      tags: {
        type: Set,
        schema: [String],
        set: (v) => {
          // As in Dynamoose, a Set attribute's `set` gets a Set, also when an array was given.
          expectTypeOf(v).toEqualTypeOf<Set<string>>();
          return v;
        },
        get: (v) => {
          expectTypeOf(v).toEqualTypeOf<Set<string>>();
          return v;
        },
      },
      multi: { type: [String, Number], validate: (v) => expectTypeOf(v).toEqualTypeOf<string | number>() !== undefined },
      nullable: { type: [String, type.NULL], get: (v) => expectTypeOf(v).toEqualTypeOf<string>() && v },
      prefs: { type: Object, default: () => ({}), schema: { theme: { type: String, default: "dark" } } },
    });
  });

  it("types callbacks under a parent that has none, beside plain settings", () => {
    new Schema({
      lines: {
        type: Array,
        schema: [
          {
            type: Object,
            schema: { qty: { type: Number, default: 1, validate: (v) => expectTypeOf(v).toEqualTypeOf<number>() !== undefined } },
          },
        ],
      },
      status: { type: String, enum: ["new", "paid"], required: true, get: (v) => expectTypeOf(v).toEqualTypeOf<"new" | "paid">() && v },
      tags: {
        type: Set,
        schema: [String],
        default: ["a"],
        validate: (v) => expectTypeOf(v).toEqualTypeOf<Set<string>>() !== undefined,
      },
    });
    const wrong = (v: string) => v === "";
    // @ts-expect-error -- qty is a number
    new Schema({ lines: { type: Array, schema: [{ type: Object, schema: { qty: { type: Number, validate: wrong } } }] } });
  });

  it("refuses callbacks of another type", () => {
    // @ts-expect-error -- a Number attribute's default must be a number
    new Schema({ n: { type: Number, default: "five" } });
    // @ts-expect-error -- a String attribute's set returns a string
    new Schema({ s: { type: String, set: (v) => v.length } });
    // @ts-expect-error -- get returns the value as read
    new Schema({ d: { type: Date, get: (v) => v.getTime() } });
    // @ts-expect-error -- validate takes the attribute's value
    new Schema({ n: { type: Number, validate: (v: string) => v.length > 0 } });
  });

  it("types the callbacks of a plain definition given to model(), keeping the item type", () => {
    const Order = model("CallbackOrder", {
      id: { type: String, hashKey: true, set: (v) => v.toLowerCase() },
      total: { type: Number, required: true, validate: (v) => v >= 0 },
    });
    expectTypeOf<Awaited<ReturnType<typeof Order.get>>>().not.toBeAny();
    const schema = new Schema({ id: { type: String, hashKey: true, validate: (v) => v.length > 0 } }, { timestamps: true });
    expectTypeOf(schema).toEqualTypeOf<
      Schema<
        { readonly id: { readonly type: StringConstructor; readonly hashKey: true; readonly validate: (v: string) => boolean } },
        { readonly timestamps: true }
      >
    >();
  });
});
