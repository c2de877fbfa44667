import { describe, expect, it } from "vitest";
import { MAX_ITEM_BYTES, checkItemSize, itemSize } from "../../../src/store/item-size.js";

describe("item size (DynamoDB's rules)", () => {
  it("counts names and values in UTF-8 bytes", () => {
    expect(itemSize({ id: { S: "abc" } })).toBe(2 + 3);
    expect(itemSize({ é: { S: "é" } })).toBe(2 + 2);
    expect(itemSize({ b: { B: new Uint8Array(10) } })).toBe(1 + 10);
    expect(itemSize({ t: { BOOL: true }, n: { NULL: true } })).toBe(2 + 2);
  });

  it("counts numbers by significant digits, maps and lists with overhead", () => {
    expect(itemSize({ n: { N: "123" } })).toBe(1 + 3);
    expect(itemSize({ n: { N: "-0.0012" } })).toBe(1 + 3);
    expect(itemSize({ m: { M: { a: { S: "x" } } } })).toBe(1 + 3 + (1 + 1 + 1));
    expect(itemSize({ l: { L: [{ S: "x" }, { S: "yy" }] } })).toBe(1 + 3 + (1 + 1) + (1 + 2));
    expect(itemSize({ s: { SS: ["a", "bc"] } })).toBe(1 + 3);
  });

  it("refuses only items over 400 KB, naming the largest attributes", () => {
    expect(() => checkItemSize({ a: { S: "x".repeat(MAX_ITEM_BYTES - 1) } }, "M")).not.toThrow();
    expect(() => checkItemSize({ a: { S: "x".repeat(MAX_ITEM_BYTES) } }, "M")).toThrow(
      /over DynamoDB's 400 KB item limit; the largest attributes: a/,
    );
  });
});
