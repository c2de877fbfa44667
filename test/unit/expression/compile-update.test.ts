import { describe, expect, it } from "vitest";
import { InvalidParameter } from "../../../src/errors.js";
import {
  compileUpdate,
  defaultEncoder,
  ExpressionRegistry,
  operand,
  parsePath,
  pathToString,
  type UpdateAction,
  updateAction,
  type ValueEncoder,
} from "../../../src/expression/index.js";

function update(actions: readonly UpdateAction[], encode?: ValueEncoder) {
  const registry = new ExpressionRegistry();
  const expression = compileUpdate(actions, registry, encode);
  const params = registry.toParams();
  return { expression, names: params.ExpressionAttributeNames, values: params.ExpressionAttributeValues };
}

describe("compileUpdate", () => {
  it("SET a value", () => {
    expect(update([updateAction.set("name", "bob")])).toEqual({
      expression: "SET #n0 = :v0",
      names: { "#n0": "name" },
      values: { ":v0": { S: "bob" } },
    });
  });

  it("SET a path, if_not_exists, list_append, plus and minus", () => {
    expect(
      update([
        updateAction.setTo("a", operand.path("b")),
        updateAction.setTo("c", updateAction.ifNotExists("c", 0)),
        updateAction.setTo("log", updateAction.listAppend(operand.path("log"), operand.value(["x"]))),
        updateAction.setTo("n", updateAction.plus(operand.path("n"), operand.value(1))),
        updateAction.setTo("m", updateAction.minus(updateAction.ifNotExists("m", 10), operand.value(2))),
        updateAction.setTo("r", operand.attributeValue({ S: "verbatim" })),
      ]),
    ).toEqual({
      expression:
        "SET #n0 = #n1, #n2 = if_not_exists(#n2, :v0), #n3 = list_append(#n3, :v1), #n4 = #n4 + :v2, #n5 = if_not_exists(#n5, :v3) - :v4, #n6 = :v5",
      names: { "#n0": "a", "#n1": "b", "#n2": "c", "#n3": "log", "#n4": "n", "#n5": "m", "#n6": "r" },
      values: {
        ":v0": { N: "0" },
        ":v1": { L: [{ S: "x" }] },
        ":v2": { N: "1" },
        ":v3": { N: "10" },
        ":v4": { N: "2" },
        ":v5": { S: "verbatim" },
      },
    });
  });

  it("REMOVE, ADD and DELETE", () => {
    expect(update([updateAction.remove("a.b[1]")])).toEqual({
      expression: "REMOVE #n0.#n1[1]",
      names: { "#n0": "a", "#n1": "b" },
      values: undefined,
    });
    expect(update([updateAction.add("n", 5), updateAction.add("s", new Set(["x"]))])).toEqual({
      expression: "ADD #n0 :v0, #n1 :v1",
      names: { "#n0": "n", "#n1": "s" },
      values: { ":v0": { N: "5" }, ":v1": { SS: ["x"] } },
    });
    expect(update([updateAction.delete("s", new Set([1, 2]))])).toEqual({
      expression: "DELETE #n0 :v0",
      names: { "#n0": "s" },
      values: { ":v0": { NS: ["1", "2"] } },
    });
  });

  it("groups actions by clause, clauses in the order SET REMOVE ADD DELETE, actions in given order", () => {
    const result = update([
      updateAction.delete("d", new Set(["x"])),
      updateAction.remove("r1"),
      updateAction.add("a", 1),
      updateAction.set("s1", 1),
      updateAction.remove("r2"),
      updateAction.set("s2", 2),
    ]);
    expect(result).toEqual({
      expression: "SET #n0 = :v0, #n1 = :v1 REMOVE #n2, #n3 ADD #n4 :v2 DELETE #n5 :v3",
      names: { "#n0": "s1", "#n1": "s2", "#n2": "r1", "#n3": "r2", "#n4": "a", "#n5": "d" },
      values: { ":v0": { N: "1" }, ":v1": { N: "2" }, ":v2": { N: "1" }, ":v3": { SS: ["x"] } },
    });
  });

  it("encodes values for the path they are written to (if_not_exists: its own path)", () => {
    const seen: string[] = [];
    const encode: ValueEncoder = (path, value) => {
      seen.push(pathToString(path));
      return defaultEncoder(path, value);
    };
    update(
      [
        updateAction.set("a.b", 1),
        updateAction.setTo("c", updateAction.ifNotExists("d", 2)),
        updateAction.setTo("e", updateAction.plus(operand.path("e"), operand.value(3))),
        updateAction.add("f", 4),
        updateAction.delete("g", new Set(["x"])),
      ],
      encode,
    );
    expect(seen).toEqual(["a.b", "d", "e", "f", "g"]);
  });

  it("keeps awkward names out of the expression", () => {
    const result = update([
      updateAction.set([{ kind: "name", name: "__proto__" }], 1),
      updateAction.remove([{ kind: "name", name: "a.b #c:d" }]),
    ]);
    expect(result).toEqual({
      expression: "SET #n0 = :v0 REMOVE #n1",
      names: { "#n0": "__proto__", "#n1": "a.b #c:d" },
      values: { ":v0": { N: "1" } },
    });
  });

  it("shares the registry with other expressions of the request", () => {
    const registry = new ExpressionRegistry();
    registry.name("age");
    registry.value({ N: "0" });
    expect(compileUpdate([updateAction.set("age", 1)], registry)).toBe("SET #n0 = :v1");
  });

  it("refuses no actions, undefined values and overlapping paths", () => {
    expect(() => update([])).toThrow("An update needs at least one action.");
    expect(() => update([updateAction.set("a", undefined)])).toThrow('set on "a" was given undefined; pass a value.');
    expect(() => update([updateAction.set("a", 1), updateAction.remove("a")])).toThrow(
      'The update touches "a" twice (set and remove); DynamoDB refuses overlapping paths.',
    );
    expect(() => update([updateAction.set("a", 1), updateAction.remove("a.b")])).toThrow(InvalidParameter);
    expect(() => update([updateAction.remove("l[0]"), updateAction.remove("l")])).toThrow('"l[0]" and "l", which overlap');
    expect(
      update([updateAction.remove("l[0]"), updateAction.remove("l[1]"), updateAction.set("ab", 1), updateAction.set("a", 1)]).expression,
    ).toBe("SET #n0 = :v0, #n1 = :v1 REMOVE #n2[0], #n2[1]");
  });

  it("refuses unknown action kinds", () => {
    // @ts-expect-error deliberately malformed
    expect(() => update([{ kind: "rename", path: parsePath("a") }])).toThrow('Unknown update action kind: "rename".');
  });
});
