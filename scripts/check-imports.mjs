#!/usr/bin/env node
// Checks the built package's import styles from a consumer's point of view (the package resolves itself by
// name through its `exports` map): ESM default, ESM namespace, ESM named imports and CommonJS require, including the
// runtime classes `Item`, `Query` and `Scan` (Dynamoose's TypeScript pattern `class Order extends Item`) and a
// subclass of `Schema` (`class AuditSchema extends Schema`). With DYNAMODEL_APP set to an app folder that installed
// the package (scripts/check-package.mjs does, from the packed tarball), the checks run there.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const installed = process.env.DYNAMODEL_APP;
const dir = installed ?? mkdtempSync(join(tmpdir(), "dynamodel-imports-"));
if (!installed) {
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "dynamodel"), "dir");
}

const expected = ["Schema", "model", "Table", "Condition", "Instance", "transaction", "aws", "type", "error", "Item", "Query", "Scan"];
const checks = {
  "esm-default.mjs": `import dynamodel from "dynamodel"; check(dynamodel);`,
  "esm-namespace.mjs": `import * as dynamodel from "dynamodel"; check(dynamodel);`,
  "esm-named.mjs": `import { Item, Query, Scan, Schema, model, aws, error } from "dynamodel"; check({ Item, Query, Scan, Schema, model, aws, error, Table: 1, Condition: 1, Instance: 1, transaction: 1, type: 1 });`,
  "cjs-require.cjs": `const dynamodel = require("dynamodel"); check(dynamodel);`,
  "cjs-destructured.cjs": `const { Item, Query, Scan, Schema, model, aws, error } = require("dynamodel"); check({ Item, Query, Scan, Schema, model, aws, error, Table: 1, Condition: 1, Instance: 1, transaction: 1, type: 1 });`,
};
const prelude = `const expected = ${JSON.stringify(expected)};
function check(d) {
  for (const name of expected) if (d[name] === undefined) throw new Error("missing export: " + name);
  const schema = new d.Schema({ id: { type: String, hashKey: true }, n: Number });
  const M = d.model("Import" + Math.random().toString(36).slice(2), schema);
  if (typeof M.get !== "function" || typeof d.aws.ddb !== "function") throw new Error("model or aws.ddb missing");
  if (!(new d.error.TypeMismatch("x") instanceof Error)) throw new Error("error classes missing");
  // Dynamoose's TypeScript pattern: a class extending Item names the item type of \`model<Order>(...)\`.
  class Order extends d.Item {
    total() { return 1; }
  }
  if (Object.getPrototypeOf(Order.prototype) !== d.Item.prototype) throw new Error("class extends Item failed");
  const Orders = d.model("Order" + Math.random().toString(36).slice(2), { id: String, n: Number });
  const order = new Orders({ id: "o1", n: 2 });
  if (!(order instanceof d.Item) || !(order instanceof Orders)) throw new Error("an item is not an instance of Item");
  // Dynamoose apps subclass Schema too.
  class AuditSchema extends d.Schema {
    constructor() {
      super({ id: { type: String, hashKey: true }, n: Number }, { timestamps: true });
    }
    keyName() { return this.hashKey; }
  }
  const audit = new AuditSchema();
  if (!(audit instanceof d.Schema) || audit.keyName() !== "id" || !audit.attributes().includes("createdAt")) throw new Error("class extends Schema failed");
  d.model("Audit" + Math.random().toString(36).slice(2), audit);
  if (!(Orders.query("id").eq("o1") instanceof d.Query) || !(Orders.scan() instanceof d.Scan)) throw new Error("Query or Scan class missing");
}
`;
let failed = false;
try {
  for (const [file, body] of Object.entries(checks)) {
    const type = file.endsWith(".cjs") ? "commonjs" : "module";
    execFileSync("node", [`--input-type=${type}`, "-e", `${prelude}${body}`], { cwd: dir, stdio: "inherit" });
    console.log(`ok ${file.replace(/\.[cm]js$/, "")}`);
  }
} catch (error) {
  failed = true;
  console.error(error.message);
} finally {
  if (!installed) rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log(`${Object.keys(checks).length} passed, 0 failed`);
