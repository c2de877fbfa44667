/**
 * Dynamoose's choice among several types (`objectFromSchema`): by the fit of the value's entries at every depth. The
 * save and read paths keep the first type that takes a value.
 */
import { describe, expect, it } from "vitest";
import dynamodel from "../../../src/index.js";
import { Schema } from "../../../src/schema/schema.js";
import { chooseType } from "../../../src/schema/type-choice.js";
import { read, write } from "./helpers.js";

const shapes = new Schema({
  id: Number,
  data: [
    { type: Object, schema: { name: String, id1: String } },
    { type: Object, schema: { name: Number, id2: String } },
  ],
});
const types = shapes.root.byName.get("data")?.types ?? [];

describe("chooseType", () => {
  it("chooses the shape whose worst entry fits best, then by the sum of the fits, then the first", () => {
    expect(chooseType(types, { name: 1, id1: "1", id2: "1" })).toBe(1);
    expect(chooseType(types, { name: "a", id1: "1", id2: "1" })).toBe(0);
    expect(chooseType(types, { name: 1 })).toBe(1);
    expect(chooseType(types, { other: true })).toBe(0);
  });

  it("leaves scalars, empty objects and values one type takes to the first type that takes them", () => {
    expect(chooseType(types, "text")).toBe(-1);
    expect(chooseType(types, new Set([1]))).toBe(-1);
    expect(chooseType([{ kind: "string" }, { kind: "number" }], 1)).toBe(-1);
  });

  it("compares list elements with each list type's element", () => {
    const lists = new Schema({
      id: Number,
      names: [
        { type: Array, schema: [String] },
        { type: Array, schema: [Number] },
      ],
    });
    const listTypes = lists.root.byName.get("names")?.types ?? [];
    expect(chooseType(listTypes, [1, 2])).toBe(1);
    expect(chooseType(listTypes, ["a", "b"])).toBe(0);
  });
});

describe("objectFromSchema with several types or schemas", () => {
  it("conforms a nested object with the shape Dynamoose chooses, where the save path keeps the first that takes it", async () => {
    const schema = new Schema({
      id: Number,
      data: [
        { type: Object, schema: { name: String, id1: String } },
        { type: Object, schema: { name: String, id2: String } },
      ],
    });
    const Model = dynamodel.model("TypeChoice", schema, { create: false, waitForActive: false });
    const object = { id: 1, data: { name: "x", id2: "2" } };
    expect(await Model.objectFromSchema(object, Model.Model, { type: "toDynamo" })).toEqual({ id: 1, data: { name: "x", id2: "2" } });
    expect(read(schema, write(schema, object))).toEqual({ id: 1, data: { name: "x" } });
  });

  it("conforms with the schema whose attributes fit, not the first one declaring them", async () => {
    const Model = dynamodel.model("SchemaChoice", [new Schema({ id: Number, name: String }), new Schema({ id: Number, name: Number })], {
      create: false,
      waitForActive: false,
    });
    expect(await Model.objectFromSchema({ id: 1, name: 2 }, Model.Model, { type: "toDynamo" })).toEqual({ id: 1, name: 2 });
  });
});
