import { describe, expect, expectTypeOf, it } from "vitest";
import { InvalidFilterComparison, InvalidParameter } from "../../../src/errors.js";
import { Condition, isCondition } from "../../../src/expression/index.js";
import { comparisonCases, compileBuilder } from "./helpers.js";

describe("Condition: Dynamoose chain", () => {
  it("is empty until a comparison completes", () => {
    expect(new Condition().toNode()).toBeUndefined();
    expect(new Condition("a").toNode()).toBeUndefined();
    expect(new Condition().where("a").not().toNode()).toBeUndefined();
  });

  it.each(comparisonCases)("%s", (op, expression) => {
    expect(compileBuilder(new Condition("age")[op](3))).toEqual({ expression, names: { "#n0": "age" }, values: { ":v0": { N: "3" } } });
  });

  it("beginsWith, contains, exists, in, between", () => {
    expect(compileBuilder(new Condition("sk").beginsWith("a")).expression).toBe("begins_with(#n0, :v0)");
    expect(compileBuilder(new Condition("tags").contains("a")).expression).toBe("contains(#n0, :v0)");
    expect(compileBuilder(new Condition("id").exists())).toEqual({
      expression: "attribute_exists(#n0)",
      names: { "#n0": "id" },
      values: undefined,
    });
    expect(compileBuilder(new Condition("id").exists(false)).expression).toBe("attribute_not_exists(#n0)");
    expect(compileBuilder(new Condition("s").in(["a", "b"]))).toEqual({
      expression: "#n0 IN (:v0, :v1)",
      names: { "#n0": "s" },
      values: { ":v0": { S: "a" }, ":v1": { S: "b" } },
    });
    expect(compileBuilder(new Condition("age").between(1, 5))).toEqual({
      expression: "#n0 BETWEEN :v0 AND :v1",
      names: { "#n0": "age" },
      values: { ":v0": { N: "1" }, ":v1": { N: "5" } },
    });
  });

  it("where, filter and attribute are aliases; comparisons join with AND by default", () => {
    const c = new Condition().where("a").eq(1).filter("b").eq(2).and().attribute("c").eq(3);
    expect(compileBuilder(c).expression).toBe("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2");
  });

  it("and() is a no-op: it does not undo a preceding or(), as in Dynamoose", () => {
    expect(compileBuilder(new Condition().where("a").eq(1).or().and().where("b").eq(2)).expression).toBe("#n0 = :v0 OR #n1 = :v1");
    expect(compileBuilder(new Condition().where("a").eq(1).and().or().where("b").eq(2)).expression).toBe("#n0 = :v0 OR #n1 = :v1");
  });

  it("or() joins the next comparison with OR, and AND binds tighter (DynamoDB precedence)", () => {
    const c = new Condition().where("a").eq(1).or().where("b").eq(2).where("c").eq(3);
    expect(compileBuilder(c).expression).toBe("#n0 = :v0 OR #n1 = :v1 AND #n2 = :v2");
    expect(c.toNode()).toMatchObject({ kind: "or", conditions: [{ kind: "comparison" }, { kind: "and" }] });
    const d = new Condition().where("a").eq(1).where("b").eq(2).or().where("c").eq(3);
    expect(d.toNode()).toMatchObject({ kind: "or", conditions: [{ kind: "and" }, { kind: "comparison" }] });
  });

  it("or() may come before where()", () => {
    expect(compileBuilder(new Condition("a").eq(1).or().where("b").eq(2)).expression).toBe("#n0 = :v0 OR #n1 = :v1");
  });

  it("not() inverts comparisons as Dynamoose does", () => {
    expect(compileBuilder(new Condition("a").not().eq(1)).expression).toBe("#n0 <> :v0");
    expect(compileBuilder(new Condition("a").not().ne(1)).expression).toBe("#n0 = :v0");
    expect(compileBuilder(new Condition("a").not().lt(1)).expression).toBe("#n0 >= :v0");
    expect(compileBuilder(new Condition("a").not().le(1)).expression).toBe("#n0 > :v0");
    expect(compileBuilder(new Condition("a").not().gt(1)).expression).toBe("#n0 <= :v0");
    expect(compileBuilder(new Condition("a").not().ge(1)).expression).toBe("#n0 < :v0");
    expect(compileBuilder(new Condition("a").not().contains("x")).expression).toBe("NOT contains(#n0, :v0)");
    expect(compileBuilder(new Condition("a").not().exists()).expression).toBe("attribute_not_exists(#n0)");
    expect(compileBuilder(new Condition("a").not().not().eq(1)).expression).toBe("#n0 = :v0");
  });

  it("not() before in/between/beginsWith/attributeType gives NOT (...) instead of throwing (an addition)", () => {
    expect(compileBuilder(new Condition("a").not().in([1, 2])).expression).toBe("NOT (#n0 IN (:v0, :v1))");
    expect(compileBuilder(new Condition("a").not().between(1, 2)).expression).toBe("NOT (#n0 BETWEEN :v0 AND :v1)");
    expect(compileBuilder(new Condition("a").not().beginsWith("x")).expression).toBe("NOT begins_with(#n0, :v0)");
    expect(compileBuilder(new Condition("a").not().attributeType("S")).expression).toBe("NOT attribute_type(#n0, :v0)");
  });

  it("not() applies to the next comparison only; where() discards a pending not()", () => {
    expect(compileBuilder(new Condition("a").not().eq(1).where("b").eq(2)).expression).toBe("#n0 <> :v0 AND #n1 = :v1");
    expect(compileBuilder(new Condition("a").not().where("b").eq(2)).expression).toBe("#n0 = :v0");
  });

  it("matches Dynamoose's captured nested path / not / ne shape", () => {
    const c = new Condition().where("address.city").eq("x").where("a").ne(1).where("tags").not().contains("y").where("b").not().eq(2);
    expect(compileBuilder(c)).toEqual({
      expression: "#n0.#n1 = :v0 AND #n2 <> :v1 AND NOT contains(#n3, :v2) AND #n4 <> :v3",
      names: { "#n0": "address", "#n1": "city", "#n2": "a", "#n3": "tags", "#n4": "b" },
      values: { ":v0": { S: "x" }, ":v1": { N: "1" }, ":v2": { S: "y" }, ":v3": { N: "2" } },
    });
  });

  it("parenthesis/group take a Condition or a callback (Dynamoose's captured scan shape)", () => {
    const c = new Condition()
      .where("name")
      .eq("x")
      .and()
      .parenthesis((g) => g.where("age").lt(1).or().where("age").ge(4));
    expect(compileBuilder(c)).toEqual({
      expression: "#n0 = :v0 AND (#n1 < :v1 OR #n1 >= :v2)",
      names: { "#n0": "name", "#n1": "age" },
      values: { ":v0": { S: "x" }, ":v1": { N: "1" }, ":v2": { N: "4" } },
    });
    const g = new Condition("a").lt(1).or().where("b").ge(2);
    expect(compileBuilder(new Condition().group(g).where("c").eq(3)).expression).toBe("(#n0 < :v0 OR #n1 >= :v1) AND #n2 = :v2");
    expect(compileBuilder(new Condition("c").eq(3).or().group(g)).expression).toBe("#n0 = :v0 OR (#n1 < :v1 OR #n2 >= :v2)");
    expect(compileBuilder(new Condition("c").eq(3).not().group(g)).expression).toBe("#n0 = :v0 AND NOT (#n1 < :v1 OR #n2 >= :v2)");
  });

  it("an empty group adds nothing", () => {
    expect(compileBuilder(new Condition("a").eq(1).group(new Condition()).where("b").eq(2)).expression).toBe("#n0 = :v0 AND #n1 = :v1");
    expect(new Condition().group((c) => c).toNode()).toBeUndefined();
  });

  it("size() compares the size of an attribute (an addition)", () => {
    expect(compileBuilder(new Condition().where("tags").size().gt(2))).toEqual({
      expression: "size(#n0) > :v0",
      names: { "#n0": "tags" },
      values: { ":v0": { N: "2" } },
    });
    expect(compileBuilder(new Condition("t").size().not().eq(0)).expression).toBe("size(#n0) <> :v0");
    expect(compileBuilder(new Condition("t").size().between(1, 3)).expression).toBe("size(#n0) BETWEEN :v0 AND :v1");
    expect(compileBuilder(new Condition("t").size().in([1, 3])).expression).toBe("size(#n0) IN (:v0, :v1)");
    expect(compileBuilder(new Condition("t").size().eq(1).where("u").eq(1)).expression).toBe("size(#n0) = :v0 AND #n1 = :v1");
    expect(() => new Condition("t").size().contains(1)).toThrow(InvalidFilterComparison);
    expect(() => new Condition("t").size().beginsWith(1)).toThrow('beginsWith() can not follow size() (on "t")');
  });

  it("attributeType() (an addition)", () => {
    expect(compileBuilder(new Condition("tags").attributeType("SS"))).toEqual({
      expression: "attribute_type(#n0, :v0)",
      names: { "#n0": "tags" },
      values: { ":v0": { S: "SS" } },
    });
  });

  it("throws when an operator has no attribute", () => {
    expect(() => new Condition().eq(1)).toThrow(InvalidParameter);
    expect(() => new Condition().eq(1)).toThrow("eq() needs an attribute: call where(path) first.");
    expect(() => new Condition("a").eq(1).eq(2)).toThrow("eq() needs an attribute");
  });

  it("paths may be given as segments (names containing dots)", () => {
    expect(compileBuilder(new Condition().where([{ kind: "name", name: "a.b" }]).eq(1)).names).toEqual({ "#n0": "a.b" });
  });

  it("is mutable: every call returns the same object", () => {
    const c = new Condition();
    expect(c.where("a")).toBe(c);
    expect(c.not().or().and()).toBe(c);
    expect(c.eq(1)).toBe(c);
  });
});

describe("Condition: constructor forms", () => {
  it("object form: plain values mean eq, {op: value} uses the first key, keys join with AND", () => {
    const c = new Condition({
      id: "a",
      age: { gt: 18 },
      sk: { beginsWith: "x" },
      tags: { contains: "t" },
      e: { exists: true },
      ne: { exists: false },
      s: { in: [1, 2] },
      b: { between: [1, 5] },
      n: { ne: 1 },
      d: new Date(0),
    });
    expect(compileBuilder(c).expression).toBe(
      "#n0 = :v0 AND #n1 > :v1 AND begins_with(#n2, :v2) AND contains(#n3, :v3) AND attribute_exists(#n4) AND attribute_not_exists(#n5) AND #n6 IN (:v4, :v5) AND #n7 BETWEEN :v6 AND :v7 AND #n8 <> :v8 AND #n9 = :v9",
    );
  });

  it.each(["lt", "le", "ge", "eq"] as const)("object form %s", (op) => {
    const c = new Condition({ a: { [op]: 1 } });
    expect(c.toNode()).toMatchObject({ kind: "comparison", operator: op });
  });

  it("object form: unknown operators throw InvalidFilterComparison with Dynamoose's message", () => {
    expect(() => new Condition({ a: { random: 1 } })).toThrow(InvalidFilterComparison);
    expect(() => new Condition({ a: { random: 1 } })).toThrow("The type: random is invalid.");
  });

  it("object form: in/between need arrays", () => {
    expect(() => new Condition({ a: { in: 1 } })).toThrow('in on "a" needs an array of values.');
    expect(() => new Condition({ a: { between: [1] } })).toThrow('between on "a" needs an array of 2 values.');
  });

  it("object form: dotted keys are paths, and can be extended by the chain", () => {
    expect(compileBuilder(new Condition({ "a.b": 1 }).or().where("c").eq(2)).expression).toBe("#n0.#n1 = :v0 OR #n2 = :v1");
  });

  it("string form starts a pending comparison", () => {
    expect(compileBuilder(new Condition("a").eq(1)).expression).toBe("#n0 = :v0");
  });

  it("copies another Condition without sharing state", () => {
    const original = new Condition("a").eq(1).or();
    const copy = new Condition(original);
    copy.where("b").eq(2);
    original.where("c").eq(3);
    expect(compileBuilder(copy).expression).toBe("#n0 = :v0 OR #n1 = :v1");
    expect(compileBuilder(copy).names).toEqual({ "#n0": "a", "#n1": "b" });
    expect(compileBuilder(original).names).toEqual({ "#n0": "a", "#n1": "c" });
  });

  it("raw DynamoDB objects become raw nodes, remapped at compile time", () => {
    const c = new Condition({
      ConditionExpression: "#a > :a",
      ExpressionAttributeNames: { "#a": "age" },
      ExpressionAttributeValues: { ":a": { N: "1" } },
    });
    expect(c.toNode()).toMatchObject({ kind: "raw", source: "ConditionExpression" });
    expect(compileBuilder(c)).toEqual({ expression: "#n0 > :v0", names: { "#n0": "age" }, values: { ":v0": { N: "1" } } });
    const f = new Condition({
      FilterExpression: "#a = :a",
      ExpressionAttributeNames: { "#a": "x" },
      ExpressionAttributeValues: { ":a": "y" },
    });
    expect(f.toNode()).toMatchObject({ kind: "raw", source: "FilterExpression" });
    expect(compileBuilder(f).values).toEqual({ ":v0": { S: "y" } });
  });

  it("a raw object combines with later chained comparisons (an addition: Dynamoose ignored them)", () => {
    const c = new Condition({
      FilterExpression: "#a = :a OR #a = :b",
      ExpressionAttributeNames: { "#a": "x" },
      ExpressionAttributeValues: { ":a": 1, ":b": 2 },
    })
      .where("y")
      .eq(3);
    expect(compileBuilder(c).expression).toBe("(#n0 = :v0 OR #n0 = :v1) AND #n1 = :v2");
  });

  it("refuses other constructor arguments", () => {
    // @ts-expect-error not a condition init
    expect(() => new Condition(3)).toThrow(InvalidParameter);
  });
});

describe("isCondition", () => {
  it("recognises Conditions, and only them", () => {
    expect(isCondition(new Condition())).toBe(true);
    expect(isCondition({})).toBe(false);
    expect(isCondition(null)).toBe(false);
    expect(isCondition("a")).toBe(false);
  });
});

describe("Condition<T>: types", () => {
  interface User {
    id: string;
    age: number;
    tags: Set<string>;
    address?: { city: string; zip: number };
    roles: { name: string }[];
  }

  it("types paths and values from the item type", () => {
    const c = new Condition<User>();
    expectTypeOf(c.where("age").eq).parameter(0).toEqualTypeOf<number>();
    expectTypeOf(c.where("address.zip").eq).parameter(0).toEqualTypeOf<number>();
    expectTypeOf(c.where("roles[0].name").eq).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(c.where("tags").contains).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(c.where("tags").size().gt).parameter(0).toEqualTypeOf<number>();
    // @ts-expect-error not an attribute of User
    expect(() => c.where("nope")).not.toThrow();
    // @ts-expect-error age is a number
    c.where("age").eq("x");
    expect(compileBuilder(new Condition<User>().where("address.city").eq("Paris").where("age").between(1, 2)).expression).toBe(
      "#n0.#n1 = :v0 AND #n2 BETWEEN :v1 AND :v2",
    );
  });

  it("types the object form", () => {
    expect(new Condition<User>({ age: { gt: 3 }, id: "a" }).toNode()).toBeDefined();
    // @ts-expect-error age is a number
    expect(new Condition<User>({ age: "x" }).toNode()).toBeDefined();
  });

  it("stays untyped by default (plain Dynamoose use)", () => {
    const c = new Condition();
    expectTypeOf(c.where("anything.at[0].all").eq).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(c.where("x").in).parameter(0).toEqualTypeOf<readonly unknown[]>();
  });
});
