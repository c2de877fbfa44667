import { describe, expect, it } from "vitest";
import { TypeMismatch } from "../../../src/errors.js";
import type { ReferencedModel } from "../../../src/schema/nodes.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, write, writeErrorSync } from "./helpers.js";

/** A stand-in for a model returned by `dynamodel.model`, as the schema sees it. */
const fakeModel = (reference: Omit<ReferencedModel, "fetchMany">): never =>
  ({ __dynamodelModel: true, describeReference: () => ({ ...reference, fetchMany: async () => [] }) }) as never;

const Parent = fakeModel({ name: "Parent", hashKey: "pid", rangeKey: undefined, hashKeyKind: "string" });
const Counter = fakeModel({ name: "Counter", hashKey: "n", rangeKey: undefined, hashKeyKind: "number" });
const Pair = fakeModel({ name: "Pair", hashKey: "h", rangeKey: "r", hashKeyKind: "number" });

describe("model references", () => {
  const schema = new Schema({
    id: String,
    parent: Parent,
    counter: Counter,
    pair: Pair,
    parents: { type: Set, schema: [Parent] },
    counters: { type: Set, schema: [Counter] },
  });

  it("stores the referenced item's hash key, or {hash, range} when the model has a range key", () => {
    expect(write(schema, { id: "a", parent: { pid: "p1", name: "ignored" }, counter: 7, pair: { h: 1, r: "x", other: true } })).toEqual({
      id: { S: "a" },
      parent: { S: "p1" },
      counter: { N: "7" },
      pair: { M: { h: { N: "1" }, r: { S: "x" } } },
    });
  });

  it("stores sets of references as SS or NS by the hash key's type", () => {
    expect(write(schema, { id: "a", parents: ["p1", { pid: "p2" }, "p1"], counters: [1, { n: 2 }] })).toEqual({
      id: { S: "a" },
      parents: { SS: ["p1", "p2"] },
      counters: { NS: ["1", "2"] },
    });
  });

  it("refuses a key of the wrong type, an object without the key, and a plain value for a composite key", () => {
    const error = writeErrorSync(schema, { id: "a", parent: 5, counter: { pid: "x" }, pair: 1, parents: [1] });
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error.issues.map((issue) => issue.message)).toEqual([
      "Expected parent to be of type model Parent, instead found type number.",
      "Expected counter to be of type model Counter, instead found type object.",
      "Expected pair to be of type model Pair, instead found type number.",
      "Expected parents.0 to be of type model Parent, instead found type number.",
    ]);
  });

  it("reads references back as the stored key", () => {
    expect(
      read(schema, { id: { S: "a" }, parent: { S: "p1" }, pair: { M: { h: { N: "1" }, r: { S: "x" } } }, counters: { NS: ["2"] } }),
    ).toEqual({
      id: "a",
      parent: "p1",
      pair: { h: 1, r: "x" },
      counters: new Set([2]),
    });
  });

  it("gives a reference key attribute the referenced model's key type", () => {
    expect(new Schema({ counter: Counter, id: String }).keyType("counter")).toBe("N");
  });
});
