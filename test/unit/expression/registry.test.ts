import { describe, expect, it } from "vitest";
import { ExpressionRegistry } from "../../../src/expression/index.js";

describe("ExpressionRegistry", () => {
  it("allocates #n placeholders and reuses one per attribute name", () => {
    const registry = new ExpressionRegistry();
    expect(registry.name("age")).toBe("#n0");
    expect(registry.name("name")).toBe("#n1");
    expect(registry.name("age")).toBe("#n0");
    expect(registry.size).toEqual({ names: 2, values: 0 });
  });

  it("allocates a new :v placeholder for every value, even equal ones", () => {
    const registry = new ExpressionRegistry();
    expect(registry.value({ N: "1" })).toBe(":v0");
    expect(registry.value({ N: "1" })).toBe(":v1");
    expect(registry.size).toEqual({ names: 0, values: 2 });
  });

  it("omits empty maps from toParams", () => {
    const registry = new ExpressionRegistry();
    expect(registry.toParams()).toEqual({});
    registry.name("a");
    expect(registry.toParams()).toEqual({ ExpressionAttributeNames: { "#n0": "a" } });
    registry.value({ S: "x" });
    expect(registry.toParams()).toEqual({ ExpressionAttributeNames: { "#n0": "a" }, ExpressionAttributeValues: { ":v0": { S: "x" } } });
  });

  it("keeps awkward names as plain map values (__proto__, constructor, reserved words)", () => {
    const registry = new ExpressionRegistry();
    registry.name("__proto__");
    registry.name("constructor");
    registry.name("order");
    registry.name("toString");
    const names = registry.toParams().ExpressionAttributeNames;
    expect(names).toEqual({ "#n0": "__proto__", "#n1": "constructor", "#n2": "order", "#n3": "toString" });
    expect(registry.name("constructor")).toBe("#n1");
  });
});
