/**
 * The client holder behind `dynamodel.aws.ddb`: `ddb()` returns the client, `.set(client)`, `.revert()`,
 * `.local(endpoint)`. The default client is created on first use, not at import (cold starts pay nothing).
 *
 * @module
 */
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import type { AnyDynamoDBClient } from "./client.js";

/** `aws.ddb`: call it to get the client; `set`, `revert` and `local` replace it. */
export interface DDBHolder {
  /** The client requests go through: the one set, else a default `new DynamoDB({})` created on first use. */
  (): AnyDynamoDBClient;
  /** The SDK's aggregated `DynamoDB` client class. */
  readonly DynamoDB: typeof DynamoDB;
  /**
   * Uses `client` for every request of this instance.
   * @example `dynamodel.aws.ddb.set(new DynamoDB({ region: "eu-west-1" }))`
   */
  set(client: AnyDynamoDBClient): void;
  /** Goes back to a default client. */
  revert(): void;
  /**
   * Points this instance at DynamoDB Local (default `http://localhost:8000`).
   * @example `dynamodel.aws.ddb.local("http://127.0.0.1:8000")`
   */
  local(endpoint?: string): void;
}

/** Creates an independent client holder (each `Instance` has one). @internal */
export function createDDBHolder(): DDBHolder {
  let client: AnyDynamoDBClient | undefined;
  const holder = (() => {
    client ??= new DynamoDB({});
    return client;
  }) as DDBHolder;
  Object.defineProperty(holder, "DynamoDB", { value: DynamoDB, enumerable: true });
  holder.set = (next) => {
    client = next;
  };
  holder.revert = () => {
    client = undefined;
  };
  holder.local = (endpoint = "http://localhost:8000") => {
    client = new DynamoDB({
      endpoint,
      region: process.env.AWS_REGION ?? "local",
      credentials: {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "local",
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "local",
      },
    });
  };
  return holder;
}
