import { describe, expect, it, vi } from "vitest";

// Counts the compilations of the write half's serializer (issue #19, cold start): a read-only cold start compiles none.
const compiled = vi.hoisted(() => ({ serializers: 0 }));
vi.mock("../../../src/schema/serialize.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../../src/schema/serialize.js")>();
  return {
    ...actual,
    compileShapeSerializer: (...args: Parameters<typeof actual.compileShapeSerializer>) => {
      compiled.serializers++;
      return actual.compileShapeSerializer(...args);
    },
  };
});

const { Schema } = await import("../../../src/schema/schema.js");

describe("the schema plan's write half (issue #19, cold start)", () => {
  it("is compiled on the first write, once, not by new Schema() or a read", async () => {
    const schema = new Schema({
      id: { type: String, hashKey: true },
      name: { type: String, default: "anon" },
      tags: { type: Set, schema: [String] },
    });
    const before = compiled.serializers;
    expect(schema.plan.fromDynamo({ id: { S: "u1" }, name: { S: "Ada" } })).toEqual({ id: "u1", name: "Ada" });
    expect(compiled.serializers).toBe(before);

    const first = await schema.plan.toDynamo({ id: "u1" }, { isNew: true });
    expect(first).toEqual({ id: { S: "u1" }, name: { S: "anon" } });
    const afterFirst = compiled.serializers;
    expect(afterFirst).toBeGreaterThan(before);

    expect(schema.plan.serializeConformed({ id: "u2", name: "Bo" }, true)).toEqual({ id: { S: "u2" }, name: { S: "Bo" } });
    await schema.plan.toDynamo({ id: "u3", name: "Cy" }, { isNew: false });
    expect(compiled.serializers).toBe(afterFirst);
  });
});
