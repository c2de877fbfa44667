/**
 * Vitest global setup: one in-memory DynamoDB Local for the whole run, on a free port.
 * The endpoint reaches the test files through `inject("dynamodbEndpoint")`.
 */
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { type LocalDynamoDB, startLocalDynamoDB } from "./dynamodb-local.js";

let local: LocalDynamoDB | undefined;

export async function setup(project: TestProject): Promise<void> {
  local = await startLocalDynamoDB();
  project.provide("dynamodbEndpoint", local.endpoint);
}

export async function teardown(): Promise<void> {
  await local?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}
