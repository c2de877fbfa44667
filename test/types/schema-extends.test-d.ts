import { describe, expectTypeOf, it } from "vitest";
import * as dynamodel from "../../src/index.js";
import { model } from "../../src/model/define-model.js";
import { Schema } from "../../src/schema/schema.js";

// Dynamoose apps subclass Schema (`class MySchema extends dynamoose.Schema {}`): a heritage clause only sees construct
// signatures callable without type arguments, so every type parameter of `new Schema(...)` has a default.
describe("class X extends Schema", () => {
  it("extends the namespace's Schema and the named import, with super(definition, settings) and added members", () => {
    class Plain extends dynamodel.Schema {}
    class Named extends Schema {
      constructor() {
        super({ id: { type: String, hashKey: true }, total: Number }, { timestamps: true });
      }
      /** A member of the subclass. */
      describe(): string {
        return `${this.hashKey} ${this.attributes().length}`;
      }
    }
    const plain = new Plain({ id: String });
    const named = new Named();
    expectTypeOf(plain).toEqualTypeOf<Plain>();
    expectTypeOf(plain).toMatchTypeOf<Schema>();
    expectTypeOf(named.describe()).toEqualTypeOf<string>();
    expectTypeOf(named.hashKey).toEqualTypeOf<string>();
    expectTypeOf(named.settings).toEqualTypeOf<{}>();
    // A subclass instance is a schema a model takes (its item type is the loose one of a non-literal definition).
    const Order = model("ExtendedOrder", named);
    expectTypeOf(Order.get).toBeFunction();
    const Typed = model("ExtendedTyped", new Plain({ id: String }));
    expectTypeOf(Typed.scan).toBeFunction();
  });

  it("checks super(...) against SchemaDefinition and SchemaSettings; annotated callbacks compile", () => {
    class Annotated extends Schema {
      constructor() {
        super({ id: { type: String, validate: (v: string) => v.length > 0, set: (v: string) => v.trim() } }, { saveUnknown: ["meta.*"] });
      }
    }
    class WrongType extends Schema {
      constructor() {
        // @ts-expect-error -- 42 is not an attribute definition
        super({ id: 42 });
      }
    }
    class WrongSetting extends Schema {
      constructor() {
        // @ts-expect-error -- timestampz is not a schema setting
        super({ id: String }, { timestampz: true });
      }
    }
    // @ts-expect-error -- the inherited constructor checks its definition too
    new (class extends Schema {})({ id: 42 });
    void [Annotated, WrongType, WrongSetting];
  });

  it("keeps new Schema(...) generic: its callbacks stay typed and checked (no untyped fallback)", () => {
    const schema = new Schema({ n: { type: Number, validate: (v) => expectTypeOf(v).toEqualTypeOf<number>() !== undefined } });
    expectTypeOf(schema).toEqualTypeOf<
      Schema<{ readonly n: { readonly type: NumberConstructor; readonly validate: (v: number) => boolean } }, {}>
    >();
    // @ts-expect-error -- a Number attribute's default must be a number
    new Schema({ n: { type: Number, default: "five" } });
    // @ts-expect-error -- validate takes the attribute's value
    new dynamodel.Schema({ n: { type: Number, validate: (v: string) => v.length > 0 } }, { timestamps: true });
    // @ts-expect-error -- a String attribute's set returns a string
    new dynamodel.Schema({ s: { type: String, set: (v) => v.length } });
    // Settings callbacks keep their types.
    new Schema({ id: String }, { validate: (item) => expectTypeOf(item).toEqualTypeOf<Record<string, unknown>>() !== undefined });
    expectTypeOf(new Schema({ id: String }, {})).toEqualTypeOf<Schema<{ readonly id: StringConstructor }, {}>>();
  });
});
