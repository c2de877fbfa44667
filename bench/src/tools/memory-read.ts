/**
 * `npm run memory-read [count]`: how many read Users a process holds per MiB of heap (issue #19's memory part, ADR 3).
 * Each mode runs in a fresh `node --expose-gc` process: after a baseline (`gc()`, used heap), it parses `count` stored
 * User maps from DynamoDB JSON (as the SDK does for a response, so every map and string is new), converts each as the
 * contender's read does and keeps every result; then `gc()` and the used heap above the baseline is what the results
 * retain. Modes: `raw` (`unmarshall`), `dynamodel` (`Model.Model.fromStored`, what get/query/scan call per item: the
 * item keeps its stored map for `original()`), `dynamodel-drop` (the same with the model option `keepOriginal: false`).
 */
import "../env.js";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { getHeapStatistics } from "node:v8";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import * as dynamodel from "../../../dist/index.js";
import { rawUser, schemaSettings, userDefinition } from "../fixtures.js";

const MODES = ["raw", "dynamodel", "dynamodel-drop"] as const;
const [first = "50000", mode] = process.argv.slice(2);
const count = Number(first);

type StoredMap = Parameters<typeof unmarshall>[0];

async function child(which: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  const now = Date.now();
  const json = (i: number) => JSON.stringify(marshall(rawUser(i, "u", now)));
  let read: (map: StoredMap) => unknown = unmarshall;
  if (which !== "raw") {
    const User = dynamodel.model("MemoryReadUsers", new dynamodel.Schema(userDefinition(), schemaSettings), {
      create: false,
      waitForActive: false,
      keepOriginal: which !== "dynamodel-drop",
    });
    const core = (User as unknown as { Model: { fromStored(map: StoredMap): Promise<unknown> } }).Model;
    read = (map) => core.fromStored(map);
  }
  for (let i = 0; i < 200; i++) await read(JSON.parse(json(i)) as StoredMap);
  gc();
  gc();
  const base = getHeapStatistics().used_heap_size;
  const kept = new Array<unknown>(count);
  for (let i = 0; i < count; i++) kept[i] = await read(JSON.parse(json(i)) as StoredMap);
  gc();
  gc();
  const retained = getHeapStatistics().used_heap_size - base;
  process.stdout.write(JSON.stringify({ mode: which, count, bytesPerItem: retained / count, itemsPerMiB: (count * 2 ** 20) / retained, kept: kept.length }));
}

if (mode) await child(mode);
else {
  const self = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));
  for (const which of MODES) {
    const out = execFileSync(process.execPath, [tsx, "--expose-gc", self, String(count), which], { encoding: "utf8" });
    const result = JSON.parse(out) as { bytesPerItem: number; itemsPerMiB: number };
    process.stdout.write(`${which.padEnd(15)} ${result.bytesPerItem.toFixed(0).padStart(6)} B per item  ${result.itemsPerMiB.toFixed(0).padStart(6)} items per MiB\n`);
  }
}
