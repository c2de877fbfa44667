/**
 * The generated sources of the type-check workload: one 40-attribute model (ten attribute shapes, four times, plus
 * a string hash key `pk` and a number range key `sk`) and 20 calls whose results are used through their inferred
 * types (5 each of get, create, update and query), for dynamodel, ElectroDB and DynamoDB-Toolbox, each in its
 * own documented style. Neither peer has a Date type: where dynamodel's shape is a `Date`, theirs is an epoch number.
 */

/** dynamodel's ten shapes (Dynamoose's schema syntax). */
const DYNAMODEL_SHAPES = [
  "String",
  "Number",
  "{ type: String, required: true }",
  "{ type: Number, default: 0 }",
  "{ type: Set, schema: [String] }",
  "{ type: Array, schema: [{ type: Object, schema: { a: String, b: { type: Number, required: true } } }] }",
  '{ type: String, enum: ["a", "b", "c"] }',
  "{ type: Object, schema: { x: Date, y: { type: Object, schema: { z: Boolean } } } }",
  "Date",
  "{ type: Number, validate: (v: number) => v >= 0 }",
];

/** ElectroDB's equivalents. */
const ELECTRODB_SHAPES = [
  '{ type: "string" }',
  '{ type: "number" }',
  '{ type: "string", required: true }',
  '{ type: "number", default: 0 }',
  '{ type: "set", items: "string" }',
  '{ type: "list", items: { type: "map", properties: { a: { type: "string" }, b: { type: "number", required: true } } } }',
  '{ type: ["a", "b", "c"] as const }',
  '{ type: "map", properties: { x: { type: "number" }, y: { type: "map", properties: { z: { type: "boolean" } } } } }',
  '{ type: "number" }',
  '{ type: "number", validate: (v: number) => v >= 0 }',
];

/** DynamoDB-Toolbox's equivalents. */
const TOOLBOX_SHAPES = [
  "string().optional()",
  "number().optional()",
  "string()",
  "number().default(0)",
  "set(string()).optional()",
  "list(map({ a: string().optional(), b: number() })).optional()",
  'string().enum("a", "b", "c").optional()',
  "map({ x: number().optional(), y: map({ z: boolean().optional() }).optional() }).optional()",
  "number().optional()",
  "number().optional().validate((v) => v >= 0)",
];

const attributes = (shapes: readonly string[]) => Array.from({ length: 40 }, (_, i) => `    a${i}: ${shapes[i % shapes.length]},`).join("\n");

/**
 * The 20 calls: `call(i, k, key)` gives the lines of the i-th get, create, update and query (k: a block of ten
 * shapes). `misuse(got)` is a use of the first get's result that must not compile: it proves that the item type is
 * inferred (an `any` would let it pass, and then tsc would fail on the unused `@ts-expect-error`).
 */
function calls(call: (i: number, k: number, key: string) => string[], misuse: string): string {
  const lines: string[] = [];
  for (let i = 0; i < 5; i++) lines.push(...call(i, (i % 4) * 10, `{ pk: "p${i}", sk: ${i} }`));
  lines.push("// @ts-expect-error a0 is a string: the item type is inferred, not any", misuse);
  return lines.map((line) => `  ${line}`).join("\n");
}

/** dynamodel (the query uses Dynamoose's object form). */
export function dynamodelSource(root: string): string {
  return `import dynamodel from "${root}dist/index.js";

const schema = new dynamodel.Schema(
  {
    pk: { type: String, hashKey: true },
    sk: { type: Number, rangeKey: true },
${attributes(DYNAMODEL_SHAPES)}
  },
  { timestamps: true },
);
const Big = dynamodel.model("Big", schema);
declare function use(...values: unknown[]): void;

export async function calls() {
${calls((i, k, key) => [
  `const got${i} = await Big.get(${key});`,
  `if (got${i}) use(got${i}.a${k}?.toUpperCase(), got${i}.a${k + 5}?.[0]?.b.toFixed(), got${i}.a${k + 7}?.y?.z, got${i}.a${k + 4}?.has("x"));`,
  `const made${i} = await Big.create({ ...${key}, a2: "x", a12: "y", a22: "z", a32: "w", a${k + 1}: ${i}, a${k + 6}: "b", a${k + 8}: new Date() });`,
  `use(made${i}.a${k + 3}.toFixed(), made${i}.createdAt.getTime());`,
  `const changed${i} = await Big.update(${key}, { a${k + 1}: ${i}, $ADD: { a${k + 3}: 1, a${k + 4}: ["t"] }, $REMOVE: ["a${k}"] });`,
  `use(changed${i}.a${k + 9}, changed${i}.updatedAt);`,
  `const found${i} = await Big.query({ pk: { eq: "p${i}" } }).exec();`,
  `use(found${i}.length);`,
], "if (got0) use(got0.a0?.toFixed());")}
}
`;
}

/** ElectroDB: an Entity whose index keys are the pk/sk attributes, numeric timestamps as its docs show. */
export function electrodbSource(): string {
  return `import { Entity } from "electrodb";

const Big = new Entity(
  {
    model: { entity: "big", version: "1", service: "bench" },
    attributes: {
      pk: { type: "string", required: true },
      sk: { type: "number", required: true },
${attributes(ELECTRODB_SHAPES).replace(/^/gm, "  ")}
      createdAt: { type: "number", readOnly: true, default: () => Date.now(), set: () => Date.now() },
      updatedAt: { type: "number", readOnly: true, watch: "*", default: () => Date.now(), set: () => Date.now() },
    },
    indexes: { byPk: { pk: { field: "pk", composite: ["pk"] }, sk: { field: "sk", composite: ["sk"] } } },
  },
  { table: "Big" },
);
declare function use(...values: unknown[]): void;

export async function calls() {
${calls((i, k, key) => [
  `const got${i} = await Big.get(${key}).go();`,
  `if (got${i}.data) use(got${i}.data.a${k}?.toUpperCase(), got${i}.data.a${k + 5}?.[0]?.b.toFixed(), got${i}.data.a${k + 7}?.y?.z, got${i}.data.a${k + 4}?.includes("x"));`,
  `const made${i} = await Big.create({ ...${key}, a2: "x", a12: "y", a22: "z", a32: "w", a${k + 1}: ${i}, a${k + 6}: "b", a${k + 8}: Date.now() }).go();`,
  `use(made${i}.data.a${k + 3}?.toFixed(), made${i}.data.createdAt);`,
  `const changed${i} = await Big.update(${key}).set({ a${k + 1}: ${i} }).add({ a${k + 3}: 1, a${k + 4}: ["t"] }).remove(["a${k}"]).go({ response: "all_new" });`,
  `use(changed${i}.data.a${k + 9}, changed${i}.data.updatedAt);`,
  `const found${i} = await Big.query.byPk({ pk: "p${i}" }).go();`,
  `use(found${i}.data.length);`,
], "if (got0.data) use(got0.data.a0?.toFixed());")}
}
`;
}

/** DynamoDB-Toolbox: a Table and an Entity with an item() schema, numeric timestamps as put/update defaults. */
export function toolboxSource(): string {
  return `import { Entity } from "dynamodb-toolbox/entity";
import { GetItemCommand } from "dynamodb-toolbox/entity/actions/get";
import { PutItemCommand } from "dynamodb-toolbox/entity/actions/put";
import { $add, $remove, UpdateItemCommand } from "dynamodb-toolbox/entity/actions/update";
import { boolean } from "dynamodb-toolbox/schema/boolean";
import { item } from "dynamodb-toolbox/schema/item";
import { list } from "dynamodb-toolbox/schema/list";
import { map } from "dynamodb-toolbox/schema/map";
import { number } from "dynamodb-toolbox/schema/number";
import { set } from "dynamodb-toolbox/schema/set";
import { string } from "dynamodb-toolbox/schema/string";
import { Table } from "dynamodb-toolbox/table";
import { QueryCommand } from "dynamodb-toolbox/table/actions/query";

const table = new Table({ name: "Big", partitionKey: { name: "pk", type: "string" }, sortKey: { name: "sk", type: "number" } });
const Big = new Entity({
  name: "Big",
  table,
  entityAttribute: false,
  timestamps: false,
  schema: item({
    pk: string().key(),
    sk: number().key(),
${attributes(TOOLBOX_SHAPES)}
    createdAt: number().default(() => Date.now()),
    updatedAt: number().default(() => Date.now()).updateDefault(() => Date.now()),
  }),
});
declare function use(...values: unknown[]): void;

export async function calls() {
${calls((i, k, key) => [
  `const got${i} = (await Big.build(GetItemCommand).key(${key}).send()).Item;`,
  `if (got${i}) use(got${i}.a${k}?.toUpperCase(), got${i}.a${k + 5}?.[0]?.b.toFixed(), got${i}.a${k + 7}?.y?.z, got${i}.a${k + 4}?.has("x"));`,
  `const made${i} = (await Big.build(PutItemCommand).item({ ...${key}, a2: "x", a12: "y", a22: "z", a32: "w", a${k + 1}: ${i}, a${k + 6}: "b", a${k + 8}: Date.now() }).send()).ToolboxItem;`,
  `use(made${i}.a${k + 3}.toFixed(), made${i}.createdAt);`,
  `const changed${i} = (await Big.build(UpdateItemCommand).item({ ...${key}, a${k + 1}: ${i}, a${k + 3}: $add(1), a${k + 4}: $add(new Set(["t"])), a${k}: $remove() }).options({ returnValues: "ALL_NEW" }).send()).Attributes;`,
  `use(changed${i}?.a${k + 9}, changed${i}?.updatedAt);`,
  `const found${i} = await table.build(QueryCommand).entities(Big).query({ partition: "p${i}" }).send();`,
  `use(found${i}.Items?.length);`,
], "if (got0) use(got0.a0?.toFixed());")}
}
`;
}
