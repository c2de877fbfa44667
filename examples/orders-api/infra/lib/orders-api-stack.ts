/**
 * The orders API on AWS: the three tables (keys, GSI and TTL from `src/tables.ts`), one Lambda function
 * (`nodejs22.x`, arm64, bundled by esbuild with the AWS SDK left external) with a least-privilege role, and an HTTP
 * API whose routes are `src/route-table.ts` and whose CORS settings are `src/cors.ts`.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import { CorsHttpMethod, HttpApi, HttpMethod } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { AttributeType, BillingMode, Table } from "aws-cdk-lib/aws-dynamodb";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import type { Construct } from "constructs";
import { bundling } from "../../src/bundling.js";
import { cors } from "../../src/cors.js";
import { routeKeys } from "../../src/route-table.js";
import { type KeyAttribute, tables } from "../../src/tables.js";
import { dynamodbActions, ordersIndexActions } from "./permissions.js";

const appRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const attribute = (key: KeyAttribute) => ({ name: key.name, type: key.type === "S" ? AttributeType.STRING : AttributeType.NUMBER });

/** Settings of the stack besides the usual stack props. */
export interface OrdersApiStackProps extends StackProps {
  /** The key that signs pagination cursors (at least 32 random characters). */
  readonly cursorSecret: string;
}

/** The stack. */
export class OrdersApiStack extends Stack {
  constructor(scope: Construct, id: string, props: OrdersApiStackProps) {
    super(scope, id, props);

    const fn = new NodejsFunction(this, "Handler", {
      entry: join(appRoot, bundling.entry),
      handler: "handler",
      projectRoot: appRoot,
      depsLockFilePath: join(appRoot, "package-lock.json"),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      logGroup: new LogGroup(this, "Logs", { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
      bundling: {
        format: bundling.format === "esm" ? OutputFormat.ESM : OutputFormat.CJS,
        target: bundling.target,
        minify: bundling.minify,
        externalModules: [...bundling.external],
        mainFields: ["module", "main"],
      },
      environment: { CURSOR_SECRET: props.cursorSecret },
    });

    for (const spec of tables) {
      const table = new Table(this, spec.id, {
        partitionKey: attribute(spec.hashKey),
        ...(spec.rangeKey ? { sortKey: attribute(spec.rangeKey) } : {}),
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        removalPolicy: RemovalPolicy.RETAIN,
        ...(spec.ttlAttribute ? { timeToLiveAttribute: spec.ttlAttribute } : {}),
      });
      for (const index of spec.globalIndexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: attribute(index.hashKey),
          sortKey: attribute(index.rangeKey),
        });
      }
      fn.addEnvironment(spec.env, table.tableName);
      fn.addToRolePolicy(
        new PolicyStatement({ actions: [...dynamodbActions[spec.id as keyof typeof dynamodbActions]], resources: [table.tableArn] }),
      );
      if (spec.globalIndexes.length) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: [...ordersIndexActions],
            resources: spec.globalIndexes.map((index) => `${table.tableArn}/index/${index.name}`),
          }),
        );
      }
    }

    const api = new HttpApi(this, "Api", {
      corsPreflight: {
        allowOrigins: [...cors.allowOrigins],
        allowMethods: cors.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...cors.allowHeaders],
        exposeHeaders: [...cors.exposeHeaders],
        maxAge: Duration.seconds(cors.maxAgeSeconds),
      },
    });
    const integration = new HttpLambdaIntegration("Lambda", fn);
    for (const routeKey of routeKeys) {
      const [method, path] = routeKey.split(" ") as [keyof typeof HttpMethod, string];
      api.addRoutes({ path, methods: [HttpMethod[method]], integration });
    }
    new CfnOutput(this, "ApiUrl", { value: api.apiEndpoint });
  }
}
