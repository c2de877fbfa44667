import { describe, expect, it } from "vitest";
import { conjoin, conjuncts, mentionedAttributes } from "../../../src/expression/conjuncts.js";
import { cond } from "../../../src/expression/index.js";
import { compile } from "./helpers.js";

describe("conjuncts", () => {
  const a = cond.eq("a", 1);
  const b = cond.gt("b", 2);
  const c = cond.lt("c", 3);

  it("flattens ANDs and groups around ANDs or single conditions", () => {
    expect(conjuncts(cond.and(a, cond.group(cond.and(b, cond.group(c)))))).toEqual([a, b, c]);
  });

  it("keeps ORs, NOTs and groups around ORs whole", () => {
    const or = cond.or(b, c);
    const grouped = cond.group(or);
    const not = cond.not(a);
    expect(conjuncts(cond.and(or, grouped, not))).toEqual([or, grouped, not]);
    expect(conjuncts(undefined)).toEqual([]);
  });

  it("joins back to the same expression", () => {
    const node = cond.and(a, cond.group(cond.or(b, c)));
    expect(compile(conjoin(conjuncts(node)) ?? a).expression).toBe(compile(node).expression);
    expect(conjoin([])).toBeUndefined();
    expect(conjoin([a])).toBe(a);
  });

  it("lists the top-level attributes mentioned anywhere", () => {
    const node = cond.or(cond.and(a, cond.not(cond.contains("d.e", "x"))), cond.raw("#x = :x", { "#x": "f" }, { ":x": 1 }));
    expect([...mentionedAttributes(node)].sort()).toEqual(["a", "d", "f"]);
    expect(mentionedAttributes(undefined).size).toBe(0);
  });
});
