/**
 * DynamoDB's expression limits, checked before a request is sent.
 *
 * @module
 */
import { LimitExceeded } from "../errors.js";

/**
 * The limits the compilers enforce (DynamoDB's documented expression limits).
 *
 * @example
 * ```ts
 * EXPRESSION_LIMITS.maxExpressionBytes; // 4096
 * ```
 */
export const EXPRESSION_LIMITS = Object.freeze({
  /** Longest expression string, in UTF-8 bytes (4 KB). */
  maxExpressionBytes: 4096,
  /** Most operators and functions in one expression. */
  maxOperators: 300,
  /** Most values on the right of one `IN`. */
  maxInOperands: 100,
  /** Deepest document path (segments after the top-level name count as nesting levels). */
  maxPathDepth: 32,
});

/**
 * Throws `LimitExceeded` when a compiled expression is longer than 4 KB.
 *
 * @example
 * ```ts
 * checkExpressionLength("ConditionExpression", expression);
 * ```
 */
export function checkExpressionLength(what: string, expression: string): void {
  // A UTF-16 unit is at most 3 UTF-8 bytes: short expressions need no byte count at all.
  if (expression.length * 3 <= EXPRESSION_LIMITS.maxExpressionBytes) return;
  const bytes = Buffer.byteLength(expression, "utf8");
  if (bytes > EXPRESSION_LIMITS.maxExpressionBytes) {
    throw new LimitExceeded(
      `The ${what} is ${bytes} bytes long; DynamoDB allows at most ${EXPRESSION_LIMITS.maxExpressionBytes} bytes (4 KB) per expression string.`,
      { code: "expression_too_long", expected: `<= ${EXPRESSION_LIMITS.maxExpressionBytes} bytes`, received: `${bytes} bytes` },
    );
  }
}

/**
 * Counts the operators and functions of one expression and throws `LimitExceeded` past 300.
 *
 * @example
 * ```ts
 * const counter = new OperatorCounter("UpdateExpression");
 * counter.add(); // one "=" or one function
 * ```
 */
export class OperatorCounter {
  #count = 0;
  constructor(readonly what: string) {}

  /** Counts `n` more operators/functions. @example counter.add(2) */
  add(n = 1): void {
    this.#count += n;
    if (this.#count > EXPRESSION_LIMITS.maxOperators) {
      throw new LimitExceeded(
        `The ${this.what} uses more than ${EXPRESSION_LIMITS.maxOperators} operators or functions, DynamoDB's limit per expression.`,
        { code: "too_many_operators", expected: `<= ${EXPRESSION_LIMITS.maxOperators}`, received: `${this.#count}` },
      );
    }
  }

  /** Operators counted so far. @example counter.count // 3 */
  get count(): number {
    return this.#count;
  }
}
