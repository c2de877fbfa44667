import { describe, expectTypeOf, it } from "vitest";
import { update } from "../../src/update-operations.js";
import { type } from "../../src/schema/attribute-types.js";
import type { DocumentPath, InferUpdate } from "../../src/schema/infer.js";
import { def, settings } from "./define.js";

const d = def({
  id: { type: String, hashKey: true },
  name: { type: String, required: true },
  age: Number,
  visits: { type: Number, default: 0 },
  tags: { type: Set, schema: [String] },
  history: { type: Array, schema: [String] },
  address: { type: Object, schema: { city: String } },
  when: Date,
});
type Update = InferUpdate<typeof d>;
/** The named properties of an operator (its document-path index signature left out). */
type Named<T> = { [K in keyof T as K extends DocumentPath ? never : K]: T[K] };

describe("InferUpdate", () => {
  it("accepts plain properties, including the key of the single-object form", () => {
    const a: Update = { name: "Bob", age: 3 };
    const b: Update = { id: "1", age: 3, when: Date.now() };
    const c: Update = { age: undefined, tags: type.UNDEFINED };
    expectTypeOf([a, b, c]).not.toBeAny();
    // @ts-expect-error age is a number
    const bad: Update = { age: "3" };
    // @ts-expect-error not an attribute
    const typo: Update = { agee: 3 };
    // @ts-expect-error a required attribute cannot be removed
    const removeRequired: Update = { name: type.UNDEFINED };
    expectTypeOf([bad, typo, removeRequired]).not.toBeAny();
  });

  it("$SET takes attribute values and dotted paths", () => {
    const a: Update = { $SET: { name: "x", address: { city: "Paris" }, "address.city": "Lyon" } };
    const partial: Update = { $SET: { age: 1 } };
    expectTypeOf(partial).not.toBeAny();
    // @ts-expect-error the key cannot be set
    const key: Update = { $SET: { id: "2" } };
    // @ts-expect-error wrong value type
    const bad: Update = { $SET: { age: "3" } };
    // @ts-expect-error not an attribute
    const typo: Update = { $SET: { agee: 3 } };
    // @ts-expect-error not an attribute
    const addTypo: Update = { $ADD: { agee: 3 } };
    // @ts-expect-error not an attribute
    const removeTypo: Update = { $REMOVE: ["agee"] };
    expectTypeOf([a, key, bad, typo, addTypo, removeTypo]).not.toBeAny();
  });

  it("$ADD takes numbers, set elements (one or several) and list elements", () => {
    const a: Update = { $ADD: { age: 1, visits: -1, tags: ["x"], history: "y" } };
    const b: Update = { $ADD: { tags: new Set(["x"]), history: ["y", "z"] } };
    const d: Update = { $ADD: { tags: "x" } };
    // @ts-expect-error a string attribute cannot be added to
    const c: Update = { $ADD: { name: "x" } };
    // @ts-expect-error set elements are strings
    const e: Update = { $ADD: { tags: 1 } };
    expectTypeOf([a, b, c, d, e]).not.toBeAny();
    expectTypeOf<Named<NonNullable<Update["$ADD"]>>>().toEqualTypeOf<{
      age?: number;
      visits?: number;
      tags?: string | readonly string[] | ReadonlySet<string>;
      history?: string | readonly string[];
    }>();
  });

  it("$REMOVE takes names of removable attributes, as a list or an object", () => {
    const a: Update = { $REMOVE: ["age", "visits", "tags"] };
    const b: Update = { $REMOVE: { age: null } };
    const c: Update = { $REMOVE: "when" };
    // @ts-expect-error a required attribute cannot be removed
    const e: Update = { $REMOVE: ["name"] };
    // @ts-expect-error the key cannot be removed
    const f: Update = { $REMOVE: ["id"] };
    expectTypeOf([a, b, c, e, f]).not.toBeAny();
  });

  it("$DELETE takes elements of set attributes", () => {
    const a: Update = { $DELETE: { tags: ["x"] } };
    // @ts-expect-error history is a list, not a set
    const b: Update = { $DELETE: { history: ["x"] } };
    expectTypeOf([a, b]).not.toBeAny();
    expectTypeOf<Named<NonNullable<Update["$DELETE"]>>>().toEqualTypeOf<{
      tags?: string | readonly string[] | ReadonlySet<string>;
    }>();
  });

  it("takes declared document paths anywhere, quoted names included", () => {
    const a: Update = { "address.city": "Lyon", '["x.y"]': 1, 'address["a.b"]': "z", "history[0]": "first" };
    const b: Update = { $SET: { 'address["x[0]"]': "v" }, $ADD: { "history[0]": "x", '["a.b"]': 2 } };
    const c: Update = { $REMOVE: ["age", "address.city", '["a.b"]'], $DELETE: { 'address["s.t"]': ["x"] } };
    const e: Update = { $REMOVE: 'm["k"]' };
    expectTypeOf([a, b, c, e]).not.toBeAny();
    // @ts-expect-error a plain unknown name is still refused
    const typo: Update = { $REMOVE: ["agee"] };
    expectTypeOf(typo).not.toBeAny();
  });

  it("refuses a nested path the schema does not declare, and a wrong nested value", () => {
    // @ts-expect-error misspelt nested name (it would be dropped at run time)
    const a: Update = { "address.citty": "Lyon" };
    // @ts-expect-error misspelt nested name in $SET
    const b: Update = { $SET: { "address.citty": "Lyon" } };
    // @ts-expect-error misspelt nested name in $REMOVE
    const c: Update = { $REMOVE: ["address.citty"] };
    // @ts-expect-error misspelt nested name in $ADD
    const e: Update = { $ADD: { "address.count": 1 } };
    // @ts-expect-error city is a string
    const f: Update = { "address.city": 1 };
    // @ts-expect-error history holds strings
    const g: Update = { "history[0]": 1 };
    expectTypeOf([a, b, c, e, f, g]).not.toBeAny();
    const h: Update = { "address.city": undefined, $SET: { "address.city": update.ifNotExists("Paris") } };
    expectTypeOf(h).not.toBeAny();
  });

  it("timestamps may be set; saveUnknown allows unknown attributes", () => {
    const s = settings({ timestamps: true, saveUnknown: true });
    type U = InferUpdate<typeof d, typeof s>;
    const a: U = { updatedAt: new Date(), extra: 1, $SET: { other: "x" }, $ADD: { counter: 1 }, "address.citty": 1, "x.y": 2 };
    // @ts-expect-error known attributes keep their types
    const b: U = { age: "3" };
    expectTypeOf([a, b]).not.toBeAny();
  });
});
