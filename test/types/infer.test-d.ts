import { describe, expectTypeOf, it } from "vitest";
import { type } from "../../src/schema/attribute-types.js";
import type { ModelReference, SchemaDefinition, SchemaLike, SchemaSettings } from "../../src/schema/definition.js";
import type { InferInput, InferItem, SchemaTypes } from "../../src/schema/infer.js";
import { def } from "./define.js";

describe("value mapping", () => {
  const d = def({
    s: String,
    n: Number,
    b: Boolean,
    big: BigInt,
    date: Date,
    isoDate: { type: { value: Date, settings: { storage: "iso" } } },
    buf: Buffer,
    any: type.ANY,
    nul: type.NULL,
    union: [String, Number],
    nullable: { type: [String, type.NULL] },
    constant: type.CONSTANT("order"),
    constantNumber: type.CONSTANT(3),
    combine: type.COMBINE(["s", "n"], "#"),
    e: { type: String, enum: ["a", "b"] },
    eNum: { type: Number, enum: [1, 2, 3] },
    eNull: { type: [String, type.NULL], enum: ["x"] },
  });
  type Item = InferItem<typeof d>;

  it("maps scalar types", () => {
    expectTypeOf<Item["s"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Item["n"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Item["b"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Item["big"]>().toEqualTypeOf<bigint | undefined>();
    expectTypeOf<Item["date"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<Item["isoDate"]>().toEqualTypeOf<Date | undefined>();
    expectTypeOf<Item["buf"]>().toEqualTypeOf<Buffer | undefined>();
    expectTypeOf<Item["any"]>().toEqualTypeOf<unknown>();
    expectTypeOf<Item["nul"]>().toEqualTypeOf<null | undefined>();
  });

  it("maps unions, NULL, CONSTANT, COMBINE and enums", () => {
    expectTypeOf<Item["union"]>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf<Item["nullable"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Item["constant"]>().toEqualTypeOf<"order">();
    expectTypeOf<Item["constantNumber"]>().toEqualTypeOf<3>();
    expectTypeOf<Item["combine"]>().toEqualTypeOf<string>();
    expectTypeOf<Item["e"]>().toEqualTypeOf<"a" | "b" | undefined>();
    expectTypeOf<Item["eNum"]>().toEqualTypeOf<1 | 2 | 3 | undefined>();
    expectTypeOf<Item["eNull"]>().toEqualTypeOf<"x" | null | undefined>();
  });

  it("maps type names given as strings, in any case", () => {
    const named = def({
      a: "string",
      b: "Number",
      c: { type: "boolean" },
      d: { type: "Date" },
      e: "buffer",
      f: "any",
      g: "null",
      h: { type: "object", schema: { x: String } },
      i: { type: "Array", schema: [Number] },
      j: "Object",
    });
    expectTypeOf<InferItem<typeof named>>().toEqualTypeOf<{
      a?: string;
      b?: number;
      c?: boolean;
      d?: Date;
      e?: Buffer;
      f?: unknown;
      g?: null;
      h?: { x?: string };
      i?: number[];
      j?: Record<string, unknown>;
    }>();
  });

  it("input widens Date, Buffer and keeps CONSTANT literals", () => {
    type Input = InferInput<typeof d>;
    expectTypeOf<Input["date"]>().toEqualTypeOf<Date | number | undefined>();
    expectTypeOf<Input["buf"]>().toEqualTypeOf<Buffer | Uint8Array | undefined>();
    expectTypeOf<Input["constant"]>().toEqualTypeOf<"order" | undefined>();
    expectTypeOf<Input["combine"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Input>().toExtend<{ e?: "a" | "b" }>();
  });
});

describe("nested objects, arrays and sets", () => {
  const d = def({
    id: { type: String, hashKey: true },
    address: {
      type: Object,
      schema: { city: { type: String, required: true }, zip: Number, geo: { type: Object, schema: { lat: Number } } },
    },
    loose: Object,
    anyObject: { type: Object, schema: type.ANY },
    tags: { type: Array, schema: [String] },
    rows: { type: Array, schema: [{ type: Object, schema: { qty: { type: Number, default: 1 }, sku: String } }] },
    mixed: { type: Array, schema: [[String, Number]] },
    list: Array,
    strings: { type: Set, schema: [String] },
    numbers: { type: Set, schema: [Number] },
    dates: { type: Set, schema: [Date] },
    buffers: { type: Set, schema: [Buffer] },
  });

  it("infers the item recursively", () => {
    expectTypeOf<InferItem<typeof d>>().toEqualTypeOf<{
      id: string;
      address?: { city: string; zip?: number; geo?: { lat?: number } };
      loose?: Record<string, unknown>;
      anyObject?: Record<string, unknown>;
      tags?: string[];
      rows?: { qty: number; sku?: string }[];
      mixed?: (string | number)[];
      list?: unknown[];
      strings?: Set<string>;
      numbers?: Set<number>;
      dates?: Set<Date>;
      buffers?: Set<Buffer>;
    }>();
  });

  it("infers the input recursively, with arrays accepted for sets", () => {
    expectTypeOf<InferInput<typeof d>>().toEqualTypeOf<{
      id: string;
      address?: { city: string; zip?: number; geo?: { lat?: number } };
      loose?: Record<string, unknown>;
      anyObject?: Record<string, unknown>;
      tags?: readonly string[];
      rows?: readonly { qty?: number; sku?: string }[];
      mixed?: readonly (string | number)[];
      list?: readonly unknown[];
      strings?: ReadonlySet<string> | readonly string[];
      numbers?: ReadonlySet<number> | readonly number[];
      dates?: ReadonlySet<Date | number> | readonly (Date | number)[];
      buffers?: ReadonlySet<Buffer | Uint8Array> | readonly (Buffer | Uint8Array)[];
    }>();
    const ok: InferInput<typeof d> = {
      id: "1",
      address: { city: "Paris", geo: { lat: 1 } },
      strings: ["a", "a"],
      numbers: new Set([1, 2]),
      dates: [new Date(), 0],
      rows: [{ sku: "x" }],
    };
    expectTypeOf(ok).not.toBeAny();
  });

  it("rejects wrong nested values", () => {
    // @ts-expect-error city is required inside address
    const a: InferInput<typeof d> = { id: "1", address: { zip: 1 } };
    // @ts-expect-error numbers holds numbers
    const b: InferInput<typeof d> = { id: "1", numbers: ["x"] };
    // @ts-expect-error unknown nested attribute
    const c: InferInput<typeof d> = { id: "1", address: { city: "x", street: "y" } };
    expectTypeOf([a, b, c]).not.toBeAny();
  });

  it("maps a nested Schema through its phantom types, or to an unknown object without them", () => {
    const inner = {} as SchemaLike &
      SchemaTypes<{ readonly street: { readonly type: StringConstructor; readonly required: true } }, { readonly timestamps: true }>;
    const bare = {} as SchemaLike;
    const outer = def({ id: String, home: inner, other: bare });
    expectTypeOf<InferItem<typeof outer>>().toEqualTypeOf<{
      id?: string;
      home?: { street: string; createdAt: Date; updatedAt: Date };
      other?: Record<string, unknown>;
    }>();
  });

  it("maps model references loosely", () => {
    const Parent = {} as ModelReference & { new (): object };
    const d2 = def({ id: String, parent: Parent, self: type.THIS, parents: { type: Set, schema: [Parent] } });
    expectTypeOf<InferItem<typeof d2>["parent"]>().toEqualTypeOf<string | number | Record<string, unknown> | undefined>();
    expectTypeOf<InferItem<typeof d2>["self"]>().toEqualTypeOf<string | number | Record<string, unknown> | undefined>();
    expectTypeOf<InferInput<typeof d2>["parent"]>().toEqualTypeOf<string | number | object | undefined>();
    expectTypeOf<InferItem<typeof d2>["parents"]>().toEqualTypeOf<Set<string | number | Record<string, unknown>> | undefined>();
  });
});

describe("required and optional", () => {
  const d = def({
    pk: { type: String, hashKey: true },
    sk: { type: Number, rangeKey: true },
    name: { type: String, required: true },
    age: { type: Number, default: 18 },
    score: { type: Number, default: () => 0, forceDefault: true },
    requiredWithDefault: { type: String, required: true, default: "x" },
    kind: type.CONSTANT("user"),
    label: type.COMBINE(["pk", "sk"]),
    maybe: { type: [String, type.UNDEFINED], required: true },
    plain: String,
    notRequired: { type: String, required: false },
  });

  it("item: keys, required, defaults, CONSTANT and COMBINE are present", () => {
    expectTypeOf<InferItem<typeof d>>().toEqualTypeOf<{
      pk: string;
      sk: number;
      name: string;
      age: number;
      score: number;
      requiredWithDefault: string;
      kind: "user";
      label: string;
      maybe?: string;
      plain?: string;
      notRequired?: string;
    }>();
  });

  it("input: only required attributes without a default must be given", () => {
    expectTypeOf<InferInput<typeof d>>().toEqualTypeOf<{
      pk: string;
      sk: number;
      name: string;
      age?: number;
      score?: number;
      requiredWithDefault?: string;
      kind?: "user";
      label?: string;
      maybe?: string;
      plain?: string;
      notRequired?: string;
    }>();
  });

  it("rejects bad input objects", () => {
    // @ts-expect-error name is missing
    const missing: InferInput<typeof d> = { pk: "a", sk: 1 };
    // @ts-expect-error nmae is not an attribute
    const typo: InferInput<typeof d> = { pk: "a", sk: 1, name: "n", nmae: "n" };
    // @ts-expect-error age is a number
    const wrongType: InferInput<typeof d> = { pk: "a", sk: 1, name: "n", age: "18" };
    // @ts-expect-error kind is the constant "user"
    const wrongConstant: InferInput<typeof d> = { pk: "a", sk: 1, name: "n", kind: "admin" };
    expectTypeOf([missing, typo, wrongType, wrongConstant]).not.toBeAny();
  });

  it("rejects values outside an enum", () => {
    const e = def({ id: String, role: { type: String, enum: ["admin", "user"], required: true } });
    const ok: InferInput<typeof e> = { role: "admin" };
    // @ts-expect-error "root" is not in the enum
    const bad: InferInput<typeof e> = { role: "root" };
    expectTypeOf([ok, bad]).not.toBeAny();
  });
});

describe("`as const` definitions", () => {
  it("infer like the const type parameter does", () => {
    const definition = {
      id: { type: String, hashKey: true },
      role: { type: String, enum: ["admin", "user"] },
    } as const satisfies SchemaDefinition;
    expectTypeOf<InferItem<typeof definition>>().toEqualTypeOf<{ id: string; role?: "admin" | "user" }>();
  });
});

describe("wide types", () => {
  it("a non-literal definition gives a record", () => {
    expectTypeOf<InferItem<SchemaDefinition>>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<InferInput<SchemaDefinition, SchemaSettings>>().toEqualTypeOf<Record<string, unknown>>();
  });
});

describe("unions of full definitions", () => {
  it("infers each member", () => {
    const d = def({ id: { type: String, hashKey: true }, v: [{ type: Object, schema: { a: String } }, Number] });
    expectTypeOf<InferItem<typeof d>["v"]>().toEqualTypeOf<{ a?: string } | number | undefined>();
  });
});
