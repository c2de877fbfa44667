import { describe, expect, it } from "vitest";
import { TypeMismatch } from "../../../src/errors.js";
import { ANY } from "../../../src/schema/attribute-types.js";
import { parseNumber } from "../../../src/marshal/parse-number.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, thrown, write, writeErrorSync } from "./helpers.js";

const schema = new Schema({ id: String, n: Number, big: BigInt, any: ANY, counts: { type: Set, schema: [Number] } }, { saveUnknown: true });
const DIGITS_38 = "12345678901234567890123456789012345678";

describe("numbers", () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    "refuses %s for Number, in sets, in ANY and in unknown attributes",
    (value) => {
      const error = writeErrorSync(schema, { id: "a", n: value, counts: [value] });
      expect(error).toBeInstanceOf(TypeMismatch);
      expect(error.message).toMatch(new RegExp(`^Expected n to be of type number, instead found type ${String(value)}\\.`));
      expect(error.issues.map((issue) => issue.path)).toEqual(["n", "counts.0"]);
      expect(writeErrorSync(schema, { id: "a", any: { deep: [value] } })).toMatchObject({ path: "any.deep.0", received: String(value) });
      expect(writeErrorSync(schema, { id: "a", extra: value })).toBeInstanceOf(TypeMismatch);
    },
  );

  it.each([1e126, -1e200, Number.MAX_VALUE, 1e-131, -Number.MIN_VALUE])(
    "refuses %s, outside DynamoDB's range, everywhere a number is stored",
    (value) => {
      const error = writeErrorSync(schema, { id: "a", n: value, counts: [value] });
      expect(error).toBeInstanceOf(TypeMismatch);
      expect(error.issues.map((issue) => issue.path)).toEqual(["n", "counts.0"]);
      expect(error).toMatchObject({ received: "number out of DynamoDB's range" });
      expect(error.message).not.toContain(String(value));
      expect(writeErrorSync(schema, { id: "a", any: { deep: [value] } })).toMatchObject({ path: "any.deep.0" });
      expect(writeErrorSync(schema, { id: "a", extra: value })).toBeInstanceOf(TypeMismatch);
      expect(writeErrorSync(schema, { id: "a", big: 10n ** 126n })).toBeInstanceOf(TypeMismatch);
    },
  );

  it("stores -0 as 0, large and tiny numbers in JavaScript notation", () => {
    expect(write(schema, { id: "a", n: -0 })).toEqual({ id: { S: "a" }, n: { N: "0" } });
    expect(write(schema, { id: "a", n: 1e21 })).toEqual({ id: { S: "a" }, n: { N: "1e+21" } });
    expect(write(schema, { id: "a", n: 1e-130 })).toEqual({ id: { S: "a" }, n: { N: "1e-130" } });
    expect(write(schema, { id: "a", n: Number.MAX_SAFE_INTEGER })).toEqual({ id: { S: "a" }, n: { N: "9007199254740991" } });
  });

  it.each([1e21, Number("1.2345678901234567e21"), Number("1.2345678901234567e-7"), 0.1 + 0.2, 9.99e125, -1e-130, 2 ** 53 + 2, 123456.789])(
    "reads back %s exactly",
    (value) => {
      expect(read(schema, write(schema, { id: "a", n: value, any: value }))).toEqual({ id: "a", n: value, any: value });
    },
  );

  it("refuses a stored 38-digit number for Number, ANY and unknown attributes, and reads it exactly for BigInt", () => {
    const error = thrown(() => read(schema, { id: { S: "a" }, n: { N: DIGITS_38 } }));
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error).toMatchObject({ code: "number_precision", path: "n", received: DIGITS_38 });
    expect(error.message).toBe(
      `The stored number at n (${DIGITS_38}) can not be held exactly by a JavaScript number; declare the attribute as BigInt to read it.`,
    );
    expect(thrown(() => read(schema, { id: { S: "a" }, any: { M: { x: { N: DIGITS_38 } } } })).path).toBe("any.x");
    expect(thrown(() => read(schema, { id: { S: "a" }, extra: { N: DIGITS_38 } })).path).toBe("extra");
    expect(thrown(() => read(schema, { id: { S: "a" }, counts: { NS: [DIGITS_38] } }))).toBeInstanceOf(TypeMismatch);
    expect(read(schema, { id: { S: "a" }, big: { N: DIGITS_38 } })).toEqual({ id: "a", big: BigInt(DIGITS_38) });
    expect(read(schema, { id: { S: "a" }, big: { N: `-${DIGITS_38}` } })).toEqual({ id: "a", big: -BigInt(DIGITS_38) });
  });

  it("writes a BigInt into ANY and number sets", () => {
    expect(write(schema, { id: "a", any: 10n ** 30n, counts: [1n, 2] })).toEqual({
      id: { S: "a" },
      any: { N: "1".padEnd(31, "0") },
      counts: { NS: ["1", "2"] },
    });
  });

  it("parses stored numbers in any decimal notation DynamoDB returns", () => {
    expect(
      ["1E+2", "0.5", "-0.000000000000000000001", "100.000000000000000000000", "1180591620717411303424"].map((n) => parseNumber(n, "n")),
    ).toEqual([100, 0.5, -1e-21, 100, 2 ** 70]);
    expect(() => parseNumber("9007199254740993", "n")).toThrow(TypeMismatch);
    expect(() => parseNumber("0.12345678901234567891", "n")).toThrow(TypeMismatch);
  });
});
