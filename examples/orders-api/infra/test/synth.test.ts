/**
 * `cdk synth`, offline, and the template it writes: the tables (keys, GSI, TTL), one arm64 `nodejs22.x` function
 * with its environment, exactly the DynamoDB actions the handlers use, and an HTTP API with every route (payload
 * format 2.0) and CORS. Installs the CDK app's dependencies (aws-cdk-lib, ≈250 MB) on first run.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { routeKeys } from "../../src/route-table.js";
import { dynamodbActions, ordersIndexActions } from "../lib/permissions.js";

const infra = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = mkdtempSync(join(tmpdir(), "orders-api-cdk-"));
const secret = "synth-test-secret-0123456789abcdef";

// biome-ignore lint/suspicious/noExplicitAny: a CloudFormation template is untyped JSON, read by the assertions below.
type Json = any;
interface Resource {
  readonly Type: string;
  readonly Properties: Record<string, Json>;
}
let resources: [string, Resource][] = [];
const ofType = (type: string) => resources.filter(([, r]) => r.Type === type);
const logicalIdOf = (prefix: string) => resources.find(([id, r]) => r.Type === "AWS::DynamoDB::Table" && id.startsWith(prefix))?.[0];

describe("the CDK app", () => {
  before(() => {
    const run = (command: string, args: string[], env: Record<string, string> = {}) =>
      execFileSync(command, args, { cwd: infra, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
    if (!existsSync(join(infra, "node_modules", "aws-cdk-lib"))) run("npm", ["ci", "--no-audit", "--no-fund"]);
    run(join(infra, "..", "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "tsconfig.json"]);
    run("npx", ["cdk", "synth", "--no-notices", "--quiet", "--output", out], { CURSOR_SECRET: secret, CDK_DISABLE_CLI_TELEMETRY: "true" });
    const template = JSON.parse(readFileSync(join(out, "OrdersApi.template.json"), "utf8")) as { Resources: Record<string, Resource> };
    resources = Object.entries(template.Resources) as typeof resources;
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it("declares the three tables with their keys, the orders' GSI byStatus and TTL on expiresAt", () => {
    const tables = Object.fromEntries(ofType("AWS::DynamoDB::Table").map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ""), r.Properties]));
    assert.deepEqual(Object.keys(tables).sort(), ["Customers", "Orders", "Products"]);
    assert.deepEqual(tables.Customers?.KeySchema, [{ AttributeName: "customerId", KeyType: "HASH" }]);
    assert.deepEqual(tables.Products?.KeySchema, [{ AttributeName: "sku", KeyType: "HASH" }]);
    assert.deepEqual(tables.Orders?.KeySchema, [
      { AttributeName: "customerId", KeyType: "HASH" },
      { AttributeName: "orderId", KeyType: "RANGE" },
    ]);
    assert.deepEqual(tables.Orders?.GlobalSecondaryIndexes, [
      {
        IndexName: "byStatus",
        KeySchema: [
          { AttributeName: "status", KeyType: "HASH" },
          { AttributeName: "createdAt", KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
    ]);
    assert.deepEqual(tables.Orders?.TimeToLiveSpecification, { AttributeName: "expiresAt", Enabled: true });
    for (const table of Object.values(tables)) assert.equal(table.BillingMode, "PAY_PER_REQUEST");
  });

  it("has one function: nodejs22.x on arm64, bundled, with the table names and the cursor key in its environment", () => {
    const functions = ofType("AWS::Lambda::Function");
    assert.equal(functions.length, 1);
    const fn = functions[0]![1].Properties;
    assert.equal(fn.Runtime, "nodejs22.x");
    assert.deepEqual(fn.Architectures, ["arm64"]);
    assert.equal(fn.Handler, "index.handler");
    assert.deepEqual(fn.Environment.Variables, {
      CURSOR_SECRET: secret,
      CUSTOMERS_TABLE: { Ref: logicalIdOf("Customers") },
      PRODUCTS_TABLE: { Ref: logicalIdOf("Products") },
      ORDERS_TABLE: { Ref: logicalIdOf("Orders") },
    });
  });

  it("grants exactly the DynamoDB actions the handlers send, table by table, and nothing else", () => {
    const statements = ofType("AWS::IAM::Policy").flatMap(
      ([, r]) => r.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown; Effect: string }[],
    );
    const arn = (prefix: string) => ({ "Fn::GetAtt": [logicalIdOf(prefix), "Arn"] });
    const actions = (a: string | string[]) => (Array.isArray(a) ? a : [a]);
    assert.deepEqual(
      statements.map((s) => ({ effect: s.Effect, actions: actions(s.Action), resource: s.Resource })),
      [
        { effect: "Allow", actions: [...dynamodbActions.Customers], resource: arn("Customers") },
        { effect: "Allow", actions: [...dynamodbActions.Products], resource: arn("Products") },
        { effect: "Allow", actions: [...dynamodbActions.Orders], resource: arn("Orders") },
        { effect: "Allow", actions: [...ordersIndexActions], resource: { "Fn::Join": ["", [arn("Orders"), "/index/byStatus"]] } },
      ],
    );
    assert.ok(statements.every((s) => actions(s.Action).every((a) => !a.includes("*"))));
  });

  it("serves every route of the route table through one Lambda integration (payload format 2.0), with CORS", () => {
    const apis = ofType("AWS::ApiGatewayV2::Api");
    assert.equal(apis.length, 1);
    const api = apis[0]![1];
    assert.equal(api.Properties.ProtocolType, "HTTP");
    assert.deepEqual(api.Properties.CorsConfiguration.AllowMethods, ["GET", "POST", "PATCH", "DELETE"]);
    assert.deepEqual(
      ofType("AWS::ApiGatewayV2::Route")
        .map(([, r]) => r.Properties.RouteKey)
        .sort(),
      [...routeKeys].sort(),
    );
    const integrations = ofType("AWS::ApiGatewayV2::Integration");
    assert.equal(integrations.length, 1);
    assert.equal(integrations[0]![1].Properties.PayloadFormatVersion, "2.0");
  });
});
