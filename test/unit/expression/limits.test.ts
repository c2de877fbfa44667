import { describe, expect, it } from "vitest";
import { LimitExceeded } from "../../../src/errors.js";
import {
  type ConditionNode,
  compileCondition,
  compileProjection,
  compileUpdate,
  cond,
  EXPRESSION_LIMITS,
  ExpressionRegistry,
  updateAction,
} from "../../../src/expression/index.js";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("pre-flight limits", () => {
  it("has DynamoDB's values", () => {
    expect(EXPRESSION_LIMITS).toEqual({ maxExpressionBytes: 4096, maxOperators: 300, maxInOperands: 100, maxPathDepth: 32 });
  });

  it("IN with more than 100 values", () => {
    const ok = cond.in(
      "a",
      Array.from({ length: 100 }, (_, i) => i),
    );
    expect(() => compileCondition(ok, new ExpressionRegistry())).not.toThrow();
    const error = thrown(() =>
      compileCondition(
        cond.in(
          "a",
          Array.from({ length: 101 }, (_, i) => i),
        ),
        new ExpressionRegistry(),
      ),
    );
    expect(error).toBeInstanceOf(LimitExceeded);
    expect(error).toMatchObject({
      message: 'IN on "a" has 101 values; DynamoDB allows at most 100.',
      code: "too_many_in_operands",
      path: "a",
    });
  });

  it("more than 300 operators or functions in one condition", () => {
    const ok = cond.and(...Array.from({ length: 150 }, (_, i) => cond.eq(`a${i % 3}`, i))); // 150 + 149
    expect(() => compileCondition(ok, new ExpressionRegistry())).not.toThrow();
    const tooMany = cond.and(...Array.from({ length: 151 }, (_, i) => cond.eq(`a${i % 3}`, i))); // 151 + 150
    const error = thrown(() => compileCondition(tooMany, new ExpressionRegistry()));
    expect(error).toBeInstanceOf(LimitExceeded);
    expect(error).toMatchObject({
      message: "The condition expression uses more than 300 operators or functions, DynamoDB's limit per expression.",
      code: "too_many_operators",
    });
  });

  it("more than 300 operators or functions in one update", () => {
    const actions = Array.from({ length: 301 }, (_, i) => updateAction.set(`a${i}`, i));
    expect(thrown(() => compileUpdate(actions, new ExpressionRegistry()))).toMatchObject({
      name: "LimitExceeded",
      message: "The update expression uses more than 300 operators or functions, DynamoDB's limit per expression.",
    });
  });

  it("counts raw expressions' operators too", () => {
    const raw = cond.raw(Array.from({ length: 151 }, () => "#a = :a").join(" AND "), { "#a": "x" }, { ":a": 1 });
    expect(thrown(() => compileCondition(raw, new ExpressionRegistry()))).toBeInstanceOf(LimitExceeded);
  });

  it("an expression string over 4 KB", () => {
    // 45 IN lists of 20 values: 45 * (~20 * 6 bytes) > 4096 bytes, but under 300 operators
    const node: ConditionNode = cond.and(
      ...Array.from({ length: 45 }, (_, i) =>
        cond.in(
          `a${i}`,
          Array.from({ length: 20 }, (_, j) => j),
        ),
      ),
    );
    const error = thrown(() => compileCondition(node, new ExpressionRegistry()));
    expect(error).toBeInstanceOf(LimitExceeded);
    expect(error).toMatchObject({ code: "expression_too_long" });
    expect((error as Error).message).toMatch(
      /^The condition expression is \d+ bytes long; DynamoDB allows at most 4096 bytes \(4 KB\) per expression string\.$/,
    );
  });

  it("a projection over 4 KB", () => {
    const paths = Array.from({ length: 700 }, (_, i) => `a${i}`);
    expect(thrown(() => compileProjection(paths, new ExpressionRegistry()))).toMatchObject({
      name: "LimitExceeded",
      code: "expression_too_long",
    });
  });

  it("a document path nested deeper than 32 levels", () => {
    const ok = ["a", ...Array.from({ length: 32 }, (_, i) => `b${i}`)].join(".");
    expect(() => compileCondition(cond.attributeExists(ok), new ExpressionRegistry())).not.toThrow();
    const deep = `${ok}[0]`;
    const error = thrown(() => compileCondition(cond.attributeExists(deep), new ExpressionRegistry()));
    expect(error).toBeInstanceOf(LimitExceeded);
    expect(error).toMatchObject({
      code: "path_too_deep",
      path: deep,
      message: `The attribute path "${deep}" is nested 33 levels deep; DynamoDB allows at most 32.`,
    });
    expect(thrown(() => compileUpdate([updateAction.remove(deep)], new ExpressionRegistry()))).toBeInstanceOf(LimitExceeded);
    expect(thrown(() => compileProjection([deep], new ExpressionRegistry()))).toBeInstanceOf(LimitExceeded);
  });
});
