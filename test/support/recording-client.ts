/**
 * A client wrapper that records every operation sent (name and input) before passing it to a real client.
 */
import type { DynamoDB } from "@aws-sdk/client-dynamodb";
import { afterEach, beforeAll } from "vitest";
import dynamodel from "../../src/index.js";
import type { DynamoDBLike, Operation } from "../../src/aws/client.js";
import { localClient } from "./local.js";

/** A recorded request. */
export interface Recorded {
  readonly operation: Operation;
  readonly input: unknown;
}

/** Wraps `client`; `log` receives every request. */
export function recordingClient(client: DynamoDB, log: Recorded[] = []): DynamoDBLike & { log: Recorded[] } {
  const handler: ProxyHandler<DynamoDB> = {
    get(target, property) {
      if (property === "log") return log;
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== "function" || typeof property !== "string") return value;
      return (input: unknown) => {
        log.push({ operation: property as Operation, input });
        return (value as (input: unknown) => Promise<unknown>).call(target, input);
      };
    },
  };
  return new Proxy(client, handler) as unknown as DynamoDBLike & { log: Recorded[] };
}

/**
 * For the test file calling it: sends the default instance's requests through a recording client on the run's
 * DynamoDB Local, and empties the returned log after each test.
 */
export function recordDefaultClient(): Recorded[] {
  const log: Recorded[] = [];
  beforeAll(() => {
    dynamodel.aws.ddb.set(recordingClient(localClient(), log));
  });
  afterEach(() => {
    log.length = 0;
  });
  return log;
}
