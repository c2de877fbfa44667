import { describe, expect, it } from "vitest";
import { TypeMismatch, ValidationError } from "../../../src/errors.js";
import { ANY } from "../../../src/schema/attribute-types.js";
import { Schema } from "../../../src/schema/schema.js";
import { writeErrorSync } from "./helpers.js";

const schema = new Schema(
  {
    id: String,
    name: { type: String, required: true },
    age: { type: Number, validate: (v: unknown) => (v as number) >= 0 },
    role: { type: String, enum: ["a", "b"] },
    address: { type: Object, schema: { city: { type: String, required: true }, zip: Number } },
    roles: { type: Array, schema: [String] },
    meta: ANY,
    loose: Object,
  },
  { saveUnknown: ["extra"] },
);

describe("all issues at once", () => {
  it("reports every problem of an item with its path, in definition order", () => {
    const error = writeErrorSync(schema, {
      id: 1,
      age: -1,
      role: "c",
      address: { zip: "z" },
      roles: ["x", "y", 3],
      meta: Number.NaN,
      loose: { deep: { n: Number.POSITIVE_INFINITY } },
      extra: () => 0,
    });
    expect(error).toBeInstanceOf(TypeMismatch);
    expect(error.issues.map((issue) => `${issue.code} ${issue.path}`)).toEqual([
      "type_mismatch id",
      "required name",
      "validate age",
      "enum role",
      "required address.city",
      "type_mismatch address.zip",
      "type_mismatch roles.2",
      "type_mismatch meta",
      "type_mismatch loose.deep.n",
      "type_mismatch extra",
    ]);
    expect(error.message).toBe("Expected id to be of type string, instead found type number. (and 9 more problems: name, age, role, ...)");
    expect(error).toMatchObject({ code: "type_mismatch", path: "id", expected: "string", received: "number" });
  });

  it("is a ValidationError when the first problem is not a type problem", () => {
    const error = writeErrorSync(schema, { id: "a", roles: [1] });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe("name is a required property but has no value when trying to save the item. (and 1 more problem: roles.0)");
  });

  it("gives each issue a message naming path, expected and found type", () => {
    const error = writeErrorSync(schema, { id: "a", name: "n", address: { city: true }, roles: ["x", null] });
    expect(error.issues).toEqual([
      {
        code: "type_mismatch",
        path: "address.city",
        expected: "string",
        received: "boolean",
        message: "Expected address.city to be of type string, instead found type boolean.",
      },
      {
        code: "type_mismatch",
        path: "roles.1",
        expected: "string",
        received: "null",
        message: "Expected roles.1 to be of type string, instead found type null.",
      },
    ]);
  });
});
