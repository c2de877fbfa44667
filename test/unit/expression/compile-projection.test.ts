import { describe, expect, it } from "vitest";
import { InvalidParameter } from "../../../src/errors.js";
import { compileProjection, ExpressionRegistry } from "../../../src/expression/index.js";

describe("compileProjection", () => {
  it("compiles paths in order, reusing names", () => {
    const registry = new ExpressionRegistry();
    expect(compileProjection(["id", "address.city", "roles[0].name", "address"], registry)).toBe("#n0, #n1.#n2, #n3[0].#n4, #n1");
    expect(registry.toParams()).toEqual({
      ExpressionAttributeNames: { "#n0": "id", "#n1": "address", "#n2": "city", "#n3": "roles", "#n4": "name" },
    });
  });

  it("drops duplicates and accepts segments", () => {
    const registry = new ExpressionRegistry();
    expect(compileProjection(["a", "a", [{ kind: "name", name: "a.b" }]], registry)).toBe("#n0, #n1");
    expect(registry.toParams().ExpressionAttributeNames).toEqual({ "#n0": "a", "#n1": "a.b" });
  });

  it("shares placeholders with a condition of the same request", () => {
    const registry = new ExpressionRegistry();
    registry.name("name");
    expect(compileProjection(["id", "name"], registry)).toBe("#n1, #n0");
  });

  it("refuses an empty list and malformed paths", () => {
    expect(() => compileProjection([], new ExpressionRegistry())).toThrow("A projection needs at least one attribute.");
    expect(() => compileProjection(["a..b"], new ExpressionRegistry())).toThrow(InvalidParameter);
  });
});
