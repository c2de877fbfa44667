/**
 * A client wrapper that records every operation sent (name and input) before passing it to a real client.
 */
import type { DynamoDB } from "@aws-sdk/client-dynamodb";
import type { DynamoDBLike, Operation } from "../../src/aws/client.js";

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
