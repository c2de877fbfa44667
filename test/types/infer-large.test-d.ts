import { describe, expectTypeOf, it } from "vitest";
import { type } from "../../src/schema/attribute-types.js";
import type { InferInput, InferItem, InferKey, InferUpdate } from "../../src/schema/infer.js";
import { def, settings } from "./define.js";

// A 40-attribute schema of every kind, to keep an eye on checker time (`tsc --extendedDiagnostics`).
const d = def({
  pk: { type: String, hashKey: true },
  sk: { type: Number, rangeKey: true },
  a0: String,
  a1: Number,
  a2: { type: String, required: true },
  a3: { type: Number, default: 0 },
  a4: { type: Set, schema: [String] },
  a5: { type: Array, schema: [{ type: Object, schema: { a: String, b: { type: Number, required: true } } }] },
  a6: { type: String, enum: ["a", "b", "c"] },
  a7: [String, Number, type.NULL],
  a8: { type: Object, schema: { x: Date, y: { type: Object, schema: { z: Boolean } } } },
  a9: Date,
  a10: String,
  a11: Number,
  a12: { type: String, required: true },
  a13: { type: Number, default: 0 },
  a14: { type: Set, schema: [String] },
  a15: { type: Array, schema: [{ type: Object, schema: { a: String, b: { type: Number, required: true } } }] },
  a16: { type: String, enum: ["a", "b", "c"] },
  a17: [String, Number, type.NULL],
  a18: { type: Object, schema: { x: Date, y: { type: Object, schema: { z: Boolean } } } },
  a19: Date,
  a20: String,
  a21: Number,
  a22: { type: String, required: true },
  a23: { type: Number, default: 0 },
  a24: { type: Set, schema: [String] },
  a25: { type: Array, schema: [{ type: Object, schema: { a: String, b: { type: Number, required: true } } }] },
  a26: { type: String, enum: ["a", "b", "c"] },
  a27: [String, Number, type.NULL],
  a28: { type: Object, schema: { x: Date, y: { type: Object, schema: { z: Boolean } } } },
  a29: Date,
  a30: String,
  a31: Number,
  a32: { type: String, required: true },
  a33: { type: Number, default: 0 },
  a34: { type: Set, schema: [String] },
  a35: { type: Array, schema: [{ type: Object, schema: { a: String, b: { type: Number, required: true } } }] },
  a36: { type: String, enum: ["a", "b", "c"] },
  a37: [String, Number, type.NULL],
});
const s = settings({ timestamps: true, saveUnknown: ["extra"] });

describe("a 40-attribute schema", () => {
  it("infers every type", () => {
    expectTypeOf<keyof InferItem<typeof d, typeof s>>().toEqualTypeOf<string>();
    expectTypeOf<InferItem<typeof d, typeof s>["a5"]>().toEqualTypeOf<{ a?: string; b: number }[] | undefined>();
    expectTypeOf<InferItem<typeof d, typeof s>["a28"]>().toEqualTypeOf<{ x?: Date; y?: { z?: boolean } } | undefined>();
    expectTypeOf<InferInput<typeof d, typeof s>["a2"]>().toEqualTypeOf<string>();
    expectTypeOf<InferKey<typeof d, typeof s>>().toEqualTypeOf<{ pk: string; sk: number }>();
    const update: InferUpdate<typeof d, typeof s> = { a1: 1, $ADD: { a3: 1, a4: ["x"] }, $REMOVE: ["a0"] };
    expectTypeOf(update).not.toBeAny();
  });
});
