/**
 * The CDK app: `npx cdk synth` (offline) or `npx cdk deploy` from `examples/orders-api/infra`. The cursor signing
 * key comes from the environment (`CURSOR_SECRET`).
 */
import { App } from "aws-cdk-lib";
import { OrdersApiStack } from "../lib/orders-api-stack.js";

const cursorSecret = process.env.CURSOR_SECRET;
if (!cursorSecret || cursorSecret.length < 32)
  throw new Error("Set CURSOR_SECRET to at least 32 random characters, e.g. CURSOR_SECRET=$(openssl rand -hex 32).");

const app = new App();
new OrdersApiStack(app, "OrdersApi", {
  cursorSecret,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
