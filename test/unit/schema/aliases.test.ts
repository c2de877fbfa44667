import { describe, expect, it } from "vitest";
import { InvalidParameter } from "../../../src/errors.js";
import { Schema } from "../../../src/schema/schema.js";
import { read, thrown, write, writeErrorSync } from "./helpers.js";

describe("map, alias, aliases, defaultMap", () => {
  const schema = new Schema({
    pk: { type: String, map: "userId" },
    n: { type: String, alias: ["name", "fullName"], defaultMap: "fullName" },
    e: { type: String, aliases: "email" },
    own: { type: String, aliases: ["other"], defaultAlias: "own" },
  });

  it("renames app-side names to stored names on write", () => {
    expect(write(schema, { userId: "u", name: "Ann", email: "a@b", other: "o" })).toEqual({
      pk: { S: "u" },
      n: { S: "Ann" },
      e: { S: "a@b" },
      own: { S: "o" },
    });
    expect(write(schema, { pk: "u", fullName: "Ann" })).toEqual({ pk: { S: "u" }, n: { S: "Ann" } });
  });

  it("reads under defaultMap, else the first alias, else the attribute's own name", () => {
    expect(read(schema, { pk: { S: "u" }, n: { S: "Ann" }, e: { S: "a@b" }, own: { S: "o" } })).toEqual({
      userId: "u",
      fullName: "Ann",
      email: "a@b",
      own: "o",
    });
  });

  it("refuses both names at once", () => {
    const error = writeErrorSync(schema, { pk: "u", userId: "v" });
    expect(error).toBeInstanceOf(InvalidParameter);
    expect(error.message).toBe("Cannot map attribute userId to pk because both are defined.");
  });

  it("resolves attributes by alias", () => {
    expect(schema.attribute("userId")?.name).toBe("pk");
    expect(schema.attribute("pk")?.name).toBe("pk");
    expect(schema.attribute("nope")).toBeUndefined();
  });

  it("renames aliases of nested attributes too", () => {
    const s = new Schema({ id: String, o: { type: Object, schema: { c: { type: String, alias: "city" } } } });
    const stored = write(s, { id: "a", o: { city: "x" } });
    expect(stored).toEqual({ id: { S: "a" }, o: { M: { c: { S: "x" } } } });
    expect(read(s, stored)).toEqual({ id: "a", o: { city: "x" } });
  });

  it.each([
    [{ id: String, a: { type: String, map: "x", alias: "y" } }, "Attribute a may use only one of map, alias and aliases."],
    [{ id: String, a: { type: String, alias: "id" } }, "The alias id of a is already used by another attribute or alias."],
    [
      { id: String, a: { type: String, alias: "x" }, b: { type: String, alias: "x" } },
      "The alias x of b is already used by another attribute or alias.",
    ],
    [{ id: String, a: { type: String, alias: "" } }, "The aliases of a must be non-empty strings."],
    [
      { id: String, a: { type: String, alias: "x", defaultMap: "y" } },
      "The defaultMap of a (y) must be one of its aliases or its own name.",
    ],
  ])("refuses conflicting or invalid aliases (%#)", (definition, message) => {
    const error = thrown(() => new Schema(definition as never));
    expect(error).toBeInstanceOf(InvalidParameter);
    expect(error.message).toBe(message);
  });
});
