/**
 * `objectFromSchema` runs each setting as its own step, as Dynamoose 4.2 does (each expectation below is what
 * Dynamoose 4.2 gives for the same call, checked by running it): `fromDynamo` makes Dates only with
 * `customTypesDynamo`; `combine` and `modifiers: ["set"]` are two steps (COMBINE first, from the values given);
 * `validate` and `enum` are two steps. Saves keep one pass for each pair (COMBINE attributes first in it).
 */
import { describe, expect, it } from "vitest";
import dynamodel from "../../../src/index.js";
import { write } from "../schema/helpers.js";

const options = { create: false, waitForActive: false } as const;

describe("objectFromSchema steps", () => {
  it("fromDynamo gives Date attributes as given without customTypesDynamo, at every depth", async () => {
    const Model = dynamodel.model(
      "StepDates",
      { id: Number, d: Date, o: { type: Object, schema: { d: Date } }, l: { type: Array, schema: [Date] } },
      options,
    );
    const object = { id: 1, d: 1000, o: { d: 1000 }, l: [1000] };
    expect(await Model.objectFromSchema(object, Model.Model, { type: "fromDynamo" })).toEqual(object);
    expect(await Model.objectFromSchema(object, Model.Model, { type: "fromDynamo", customTypesDynamo: true })).toEqual({
      id: 1,
      d: new Date(1000),
      o: { d: new Date(1000) },
      l: [new Date(1000)],
    });
    expect(await Model.objectFromSchema({ id: 1, d: new Date(1000) }, Model.Model, { type: "fromDynamo" })).toEqual({
      id: 1,
      d: new Date(1000),
    });
    const item = new Model({ id: 1, d: 1000 } as never);
    await item.conformToSchema();
    expect(item.d).toBe(1000);
  });

  it("runs combine and set as two steps, COMBINE first from the values given; saves give the same in one pass", async () => {
    const schema = new dynamodel.Schema({
      id: Number,
      a: { type: String, set: (v: string) => v.toUpperCase() },
      c: { type: { value: "Combine", settings: { attributes: ["a"] } } },
    } as never);
    const Model = dynamodel.model("StepCombine", schema, options);
    const run = (settings: object) => Model.objectFromSchema({ id: 1, a: "x" }, Model.Model, { type: "toDynamo", ...settings });
    expect(await run({ combine: true })).toEqual({ id: 1, a: "x", c: "x" });
    expect(await run({ modifiers: ["set"] })).toEqual({ id: 1, a: "X" });
    expect(await run({ combine: true, modifiers: ["set"] })).toEqual({ id: 1, a: "X", c: "x" });
    expect(write(schema, { id: 1, a: "x" })).toEqual({ id: { N: "1" }, a: { S: "X" }, c: { S: "x" } });
  });

  it("runs validate and enum as two steps", async () => {
    const Model = dynamodel.model(
      "StepChecks",
      { id: Number, e: { type: String, enum: ["a"] }, v: { type: String, validate: (x: string) => x === "ok" } },
      options,
    );
    const run = (object: object, settings: object) =>
      Model.objectFromSchema({ id: 1, ...object }, Model.Model, { type: "toDynamo", ...settings });
    expect(await run({ e: "z", v: "ok" }, { validate: true })).toEqual({ id: 1, e: "z", v: "ok" });
    expect(await run({ e: "a", v: "no" }, { enum: true })).toEqual({ id: 1, e: "a", v: "no" });
    await expect(run({ e: "a", v: "no" }, { validate: true })).rejects.toBeInstanceOf(dynamodel.error.ValidationError);
    await expect(run({ e: "z", v: "ok" }, { enum: true })).rejects.toBeInstanceOf(dynamodel.error.ValidationError);
  });
});
