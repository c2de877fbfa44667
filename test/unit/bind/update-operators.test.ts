/** The update operators of bind/update/, one file each, combined by buildUpdateActions; and per-schema facts built once. */
import { describe, expect, it } from "vitest";
import { factOf, type SchemaFact } from "../../../src/bind/schema-facts.js";
import { buildUpdateActions } from "../../../src/bind/update/build.js";
import { compileUpdate, ExpressionRegistry } from "../../../src/expression/index.js";
import { Schema } from "../../../src/schema/schema.js";
import { update } from "../../../src/update-operations.js";

const schema = new Schema({
  id: String,
  name: String,
  count: Number,
  count2: Number,
  tags: { type: Set, schema: [String] },
  log: { type: Array, schema: [String] },
  note: { type: String, default: "none" },
  seen: String,
});

async function compiled(object: Record<string, unknown>) {
  const registry = new ExpressionRegistry();
  const expression = compileUpdate(await buildUpdateActions(schema, object), registry);
  return { expression, ...registry.toParams() };
}

describe("bind/update operators", () => {
  it("each operator gives its action (the output of the former single function, pinned)", async () => {
    const { expression, ExpressionAttributeNames, ExpressionAttributeValues } = await compiled({
      name: "bob",
      count: update.increment(2),
      log: update.append(["x"]),
      $ADD: { count2: 1 },
      $REMOVE: ["seen", "note"],
      $DELETE: { tags: ["b"] },
    });
    expect(expression).toBe(
      "SET #n0 = :v0, #n1 = if_not_exists(#n1, :v1) + :v2, #n2 = list_append(if_not_exists(#n2, :v3), :v4), #n3 = :v5 REMOVE #n4 ADD #n5 :v6 DELETE #n6 :v7",
    );
    expect(ExpressionAttributeNames).toEqual({
      "#n0": "name",
      "#n1": "count",
      "#n2": "log",
      "#n3": "note",
      "#n4": "seen",
      "#n5": "count2",
      "#n6": "tags",
    });
    expect(ExpressionAttributeValues).toEqual({
      ":v0": { S: "bob" },
      ":v1": { N: "0" },
      ":v2": { N: "2" },
      ":v3": { L: [] },
      ":v4": { L: [{ S: "x" }] },
      ":v5": { S: "none" },
      ":v6": { N: "1" },
      ":v7": { SS: ["b"] },
    });
  });

  it("refuses a marker on an attribute of another type, naming the path", async () => {
    await expect(buildUpdateActions(schema, { name: update.increment(1) })).rejects.toThrow(
      "update.increment can not be used on name: it is a string, not a number.",
    );
    await expect(buildUpdateActions(schema, { count: update.append([1]) })).rejects.toThrow(
      "update.append can not be used on count: it is a number, not a list.",
    );
  });
});

describe("per-schema facts", () => {
  it("are built once per schema, an undefined fact too", () => {
    let builds = 0;
    const fact: SchemaFact<undefined> = { name: "nothing", build: () => void builds++ };
    factOf(schema, fact);
    factOf(schema, fact);
    expect(builds).toBe(1);
    factOf(new Schema({ id: String }), fact);
    expect(builds).toBe(2);
  });
});
