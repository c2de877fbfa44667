/**
 * The whole app on one machine: DynamoDB Local (the helper dynamodel's own tests use), the tables, and the local
 * runner serving the Lambda handler on 127.0.0.1. Used by `npm run demo` and by the example's tests.
 */
import type { AddressInfo } from "node:net";
import { DynamoDB } from "@aws-sdk/client-dynamodb";
import { localClientConfig, startLocalDynamoDB } from "../../../test/support/dynamodb-local.js";
import { createTables } from "./tables.js";

/** A running local stack. */
export interface LocalStack {
  /** The API's base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** A raw SDK client on the same DynamoDB Local, to check what was stored. */
  readonly client: DynamoDB;
  /** The table names, by environment variable. */
  readonly tables: Record<"CUSTOMERS_TABLE" | "PRODUCTS_TABLE" | "ORDERS_TABLE", string>;
  /** Stops the server and DynamoDB Local. */
  stop(): Promise<void>;
}

/**
 * Starts everything; `port: 0` picks a free port. With `signals: false` the caller handles SIGINT/SIGTERM and
 * calls `stop()` (the demo does, to stop DynamoDB Local cleanly); otherwise a signal kills DynamoDB Local at once.
 */
export async function startLocalStack(options: { port: number; signals?: boolean }): Promise<LocalStack> {
  const { port } = options;
  const local = await startLocalDynamoDB({ signals: options.signals ?? true });
  try {
    const client = new DynamoDB(localClientConfig(local.endpoint));
    const tables = await createTables(client, "shop-");
    Object.assign(process.env, tables, { DYNAMODB_ENDPOINT: local.endpoint });
    // Imported only now: the models read their table names and endpoint once, when the module loads (as on Lambda).
    const { handler } = await import("../src/handler.js");
    const { localApi } = await import("./server.js");
    const server = localApi(handler);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    const { port: bound } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${bound}`,
      client,
      tables,
      async stop() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        client.destroy();
        await local.stop();
      },
    };
  } catch (error) {
    await local.stop();
    throw error;
  }
}
