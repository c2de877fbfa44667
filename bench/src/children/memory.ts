/**
 * Memory child (run with --expose-gc): serializes COUNT users with one contender, keeping every result (as a batch
 * writer would), sampling the V8 heap every 500 items; prints the peak and the retained heap above the baseline
 * taken after the inputs were built.
 */
import "../env.js";
import { getHeapStatistics } from "node:v8";
import { marshall } from "@aws-sdk/util-dynamodb";
import dynamoose from "dynamoose";
import dynamodel from "../../../dist/index.js";
import { rawUser, schemaSettings, userDefinition, userInput } from "../fixtures.js";
import { electrodbBodies, toolboxBodies } from "../workloads/cpu-peers.js";

const [lib = "raw", countText = "100000"] = process.argv.slice(2);
const count = Number(countText);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

const used = () => getHeapStatistics().used_heap_size;

async function main() {
  let serialize: (i: number) => unknown;
  if (lib === "raw") {
    const items = Array.from({ length: count }, (_, i) => rawUser(i));
    serialize = (i) => marshall(items[i]);
  } else if (lib === "dynamodel") {
    const items = Array.from({ length: count }, (_, i) => userInput(i));
    const plan = (new dynamodel.Schema(userDefinition(), schemaSettings) as unknown as { plan: { toDynamo(o: object, w: object): unknown } }).plan;
    serialize = (i) => plan.toDynamo(items[i] as object, { isNew: true });
  } else if (lib === "electrodb" || lib === "toolbox") {
    const items = Array.from({ length: count }, (_, i) => userInput(i));
    const peer = lib === "electrodb" ? electrodbBodies("MemoryUsers") : toolboxBodies("MemoryUsers");
    serialize = (i) => peer.serialize(items[i] as (typeof items)[number]);
  } else {
    const items = Array.from({ length: count }, (_, i) => userInput(i));
    const User = dynamoose.model("MemoryUsers", new dynamoose.Schema(userDefinition(), schemaSettings), { create: false, waitForActive: false });
    const settings = { defaults: true, validate: true, required: true, enum: true, forceDefault: true, combine: true, saveUnknown: true, customTypesDynamo: true, updateTimestamps: true, modifiers: ["set" as const], mapAttributes: true };
    serialize = (i) => new User(items[i]).toDynamo(settings);
  }
  // Warm the code path a little so that the baseline includes compiled code, not the results.
  for (let i = 0; i < 50; i++) await serialize(i);
  gc?.();
  gc?.();
  const base = used();
  let peak = base;
  const out = new Array<unknown>(count);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    out[i] = await serialize(i);
    if (i % 500 === 0) peak = Math.max(peak, used());
  }
  const ms = performance.now() - started;
  peak = Math.max(peak, used());
  gc?.();
  const retained = used() - base;
  const MiB = 2 ** 20;
  process.stdout.write(JSON.stringify({ lib, count, peakMiB: (peak - base) / MiB, retainedMiB: retained / MiB, ms, kept: out.length }));
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
