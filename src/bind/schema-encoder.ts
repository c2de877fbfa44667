/**
 * The value encoder a model hands to the expression compiler: condition values pass through the attribute's
 * `set` transform and its type's stored form (a `Date` compares as stored); values of unknown paths, or that
 * do not fit the attribute's type (a string compared with `contains` on a set), are converted generically.
 *
 * @module
 * @internal
 */
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { InvalidParameter, TypeMismatch } from "../errors.js";
import type { Path, ValueEncoder } from "../expression/index.js";
import { toGenericAttributeValue } from "../marshal/to-attribute-value.js";
import type { AttributeNode, TypeNode } from "../schema/nodes.js";
import type { Schema } from "../schema/schema.js";
import type { KeepRule } from "../schema/save-unknown.js";
import { ALL_CHECKS, NO_CHECKS, type SerializeContext, type ValueSerializer, compileAttributeSerializer } from "../schema/serialize.js";
import { keepRuleAtPath, pathText, resolveAttribute } from "./attribute-path.js";
import { factOf, type SchemaFact } from "./schema-facts.js";

/** The serializers of a schema's attribute nodes, compiled on first use, by node and `saveUnknown` rule. */
type Compiled = Map<AttributeNode, Map<KeepRule | undefined, ValueSerializer>>;
const serializers: SchemaFact<Compiled> = { name: "value serializers", build: () => new Map() };
const uncheckedSerializers: SchemaFact<Compiled> = { name: "value serializers without enum and validate", build: () => new Map() };

function compiled(
  fact: SchemaFact<Compiled>,
  schema: Schema,
  node: AttributeNode,
  path: Path | undefined,
  checks: boolean,
): ValueSerializer {
  const rule = path === undefined ? undefined : keepRuleAtPath(schema, path);
  const cache = factOf(schema, fact);
  let byRule = cache.get(node);
  if (!byRule) cache.set(node, (byRule = new Map()));
  let serializer = byRule.get(rule);
  if (!serializer) byRule.set(rule, (serializer = compileAttributeSerializer(node, rule, checks ? ALL_CHECKS : NO_CHECKS)));
  return serializer;
}

/**
 * The serializer of one attribute node at `path` (what `saveUnknown` keeps below it depends on the path; without a
 * path, nothing unknown), compiled once per node and rule.
 */
export function serializerOf(schema: Schema, node: AttributeNode, path?: Path): ValueSerializer {
  return compiled(serializers, schema, node, path, true);
}

/** {@link serializerOf} without `enum` and `validate` (for `$ADD` and `$DELETE` operands). */
export function uncheckedSerializerOf(schema: Schema, node: AttributeNode, path: Path): ValueSerializer {
  return compiled(uncheckedSerializers, schema, node, path, false);
}

/**
 * Whether `value` is one element of a Set attribute (`contains(tags, "x")`): the serializer would refuse it (with
 * an issue message built for nothing), so it goes straight to the generic conversion.
 */
function isSetElement(node: AttributeNode, value: unknown): boolean {
  return !(value instanceof Set) && !Array.isArray(value) && node.types.every((type) => type.kind === "set");
}

/** Whether an attribute only holds numbers: a string compared with it can never match. */
const isNumberOnly = (node: AttributeNode): boolean => node.types.every((type) => type.kind === "number" || type.kind === "bigint");

/** The refusal of a string compared with a Number attribute (as a value or `$ADD` of a string is refused). */
function stringForNumber(node: AttributeNode, path: string): TypeMismatch {
  const expected = node.types.some((type) => type.kind === "bigint") ? "bigint" : "number";
  return new TypeMismatch(
    `Expected ${path} to be of type ${expected}, instead found type string: a string never equals or orders with a Number attribute.`,
    {
      code: "type_mismatch",
      path,
      expected,
      received: "string",
    },
  );
}

const isIsoDate = (type: TypeNode): boolean => type.kind === "date" && type.storage === "iso";

/** Builds the encoder of a schema. */
export function schemaEncoder(schema: Schema): ValueEncoder {
  return (path: Path, value: unknown): AttributeValue => {
    const text = pathText(path);
    const node = resolveAttribute(schema, path);
    if (node && !(node.set === undefined && isSetElement(node, value))) {
      let transformed = value;
      if (node.set) {
        transformed = node.set(value);
        if (transformed instanceof Promise) {
          throw new InvalidParameter(`The set transform of ${node.path} is async and can not be used on a condition value.`, {
            code: "async_set_in_condition",
            path: node.path,
          });
        }
      }
      // Epoch milliseconds compare with an ISO Date attribute as stored (a save refuses the number, a condition converts it).
      if (typeof transformed === "number" && node.types.some(isIsoDate)) transformed = new Date(transformed);
      const context: SerializeContext = { issues: [], pending: undefined, checkRequired: false };
      const encoded = serializerOf(schema, node, path)(transformed, text, context);
      if (encoded !== undefined && context.issues.length === 0) return encoded;
      if (typeof transformed === "string" && isNumberOnly(node)) throw stringForNumber(node, text);
      value = transformed;
    }
    return toGenericAttributeValue(value, text) ?? { NULL: true };
  };
}
