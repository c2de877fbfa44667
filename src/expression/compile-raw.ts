/**
 * Re-mapping a raw DynamoDB expression's own placeholders into the request's registry.
 *
 * @module
 * @internal
 */
import { InvalidParameter } from "../errors.js";
import type { RawNode } from "./condition-node.js";
import type { CompileContext } from "./compile-operand.js";
import { defaultEncoder, looksLikeAttributeValue } from "./encoder.js";

const PLACEHOLDER = /[#:][A-Za-z0-9_]+/g;
const OPERATOR = /<>|<=|>=|[<>=]|\b(?:AND|OR|NOT|BETWEEN|IN)\b|\b[a-z_]+\s*\(/gi;

/**
 * Rewrites every `#name` and `:value` placeholder of a raw expression to one allocated in the registry, so raw
 * expressions combine with built ones without collisions. A placeholder used twice maps to one new placeholder.
 * Values that look like `AttributeValue`s are kept verbatim; others are encoded with the schema-less default
 * encoder (the raw form does not say which attribute a value belongs to).
 *
 * @example
 * ```ts
 * compileRaw(cond.raw("#a = :a OR #a = :b", { "#a": "id" }, { ":a": { S: "x" }, ":b": "y" }), ctx);
 * // "#n0 = :v0 OR #n0 = :v1"
 * ```
 * @internal
 */
export function compileRaw(node: RawNode, ctx: CompileContext): string {
  if (typeof node.expression !== "string" || node.expression.trim() === "") {
    throw new InvalidParameter("A raw condition needs a non-empty expression string.", {
      code: "invalid_raw_condition",
      received: typeof node.expression,
    });
  }
  ctx.operators.add(node.expression.match(OPERATOR)?.length ?? 0);
  const mapped = new Map<string, string>();
  return node.expression.replace(PLACEHOLDER, (token) => {
    const known = mapped.get(token);
    if (known !== undefined) return known;
    let placeholder: string;
    if (token.startsWith("#")) {
      if (!Object.hasOwn(node.names, token)) throw missing(node, token, "ExpressionAttributeNames");
      placeholder = ctx.registry.name(String(node.names[token]));
    } else {
      if (!Object.hasOwn(node.values, token)) throw missing(node, token, "ExpressionAttributeValues");
      const value = node.values[token];
      if (value === undefined) throw missing(node, token, "ExpressionAttributeValues");
      placeholder = ctx.registry.value(looksLikeAttributeValue(value) ? value : defaultEncoder([], value));
    }
    mapped.set(token, placeholder);
    return placeholder;
  });
}

function missing(node: RawNode, token: string, map: string): InvalidParameter {
  return new InvalidParameter(`The raw condition ${JSON.stringify(node.expression)} uses ${token}, which is not defined in ${map}.`, {
    code: "invalid_raw_condition",
    expected: `${token} in ${map}`,
    received: "undefined",
  });
}
