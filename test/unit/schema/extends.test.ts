import { describe, expect, it } from "vitest";
import * as dynamodel from "../../../src/index.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, write } from "./helpers.js";

// Dynamoose apps subclass Schema; the subclass is a schema in every way (its types: test/types/schema-extends.test-d.ts).
describe("class X extends Schema", () => {
  class OrderSchema extends Schema {
    constructor() {
      super({ id: { type: String, hashKey: true }, total: { type: Number, set: (v: number) => Math.round(v) } }, { timestamps: true });
    }
    /** A member of the subclass. */
    keys(): string {
      return `${this.hashKey}/${this.rangeKey ?? "-"}`;
    }
  }

  it("constructs through super(definition, settings), keeps its members, and is a Schema", () => {
    const schema = new OrderSchema();
    expect(schema).toBeInstanceOf(Schema);
    expect(schema).toBeInstanceOf(dynamodel.Schema);
    expect(schema.keys()).toBe("id/-");
    expect(schema.attributes()).toEqual(["id", "total", "createdAt", "updatedAt"]);
    const stored = write(schema, { id: "o1", total: 2.6 });
    expect(stored.total).toEqual({ N: "3" });
    expect(read(schema, stored)).toMatchObject({ id: "o1", total: 3 });
  });

  it("extends the namespace's Schema without a constructor, and serves a model", () => {
    class Plain extends dynamodel.Schema {}
    const schema = new Plain({ id: String, n: Number });
    expect(schema).toBeInstanceOf(Plain);
    const Model = dynamodel.model(`Extends${Math.random().toString(36).slice(2)}`, new OrderSchema());
    const item = new Model({ id: "o2", total: 1.4 });
    expect(item.toJSON()).toEqual({ id: "o2", total: 1.4 });
    expect(Model.table().hashKey).toBe("id");
    expect(read(schema, write(schema, { id: "a", n: 1 }))).toEqual({ id: "a", n: 1 });
  });
});
