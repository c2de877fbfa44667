/**
 * Test helpers: a client for the run's DynamoDB Local, and unique table names per test file.
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { inject } from "vitest";
import { localClientConfig } from "./dynamodb-local.js";

/** The endpoint of the run's DynamoDB Local. */
export const endpoint = (): string => inject("dynamodbEndpoint");

/** A new aggregated client for the run's DynamoDB Local. */
export const localClient = (): DynamoDB => new DynamoDB(localClientConfig(endpoint()));

let counter = 0;
/** A table name unique to this test file and call. */
export const tableName = (prefix: string): string => `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
