/**
 * Rows of the results table, their ratios and targets, the printed table and `results/latest.json`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { arch, cpus, platform, totalmem } from "node:os";

/** The five contenders, in table order: the raw SDK, the three ODM peers, dynamodel. */
export const CONTENDERS = ["raw", "dynamoose", "electrodb", "toolbox", "dynamodel"] as const;
export type ContenderName = (typeof CONTENDERS)[number];
/** The ODMs dynamodel is compared with (issue #19: it should lead each of them on every row it can run). */
export const PEERS = ["dynamoose", "electrodb", "toolbox"] as const;
export type PeerName = (typeof PEERS)[number];
/** How each contender is named in the table. */
export const TITLES: Readonly<Record<ContenderName, string>> = {
  raw: "raw SDK",
  dynamoose: "Dynamoose",
  electrodb: "ElectroDB",
  toolbox: "Toolbox",
  dynamodel: "dynamodel",
};

/** One value per contender, `null` for those that `value` has none for. */
export const byContender = (value: (name: ContenderName) => number | null | undefined): Record<ContenderName, number | null> =>
  Object.fromEntries(CONTENDERS.map((name) => [name, value(name) ?? null])) as Record<ContenderName, number | null>;

/** A goal for dynamodel: a ratio to raw (at least / at most), or an absolute ceiling. */
export type Target =
  | { readonly kind: "ratio-at-least"; readonly value: number }
  | { readonly kind: "ratio-at-most"; readonly value: number }
  | { readonly kind: "value-at-most"; readonly value: number };

/** One measured workload. `null`: that contender could not run it (see `notes`). */
export interface Row {
  readonly workload: string;
  /** Unit of the values, e.g. "ops/s", "ms", "KiB". */
  readonly unit: string;
  /** Whether a higher value is better (throughput) or a lower one (time, size). */
  readonly better: "higher" | "lower";
  readonly values: Readonly<Record<ContenderName, number | null>>;
  readonly target?: Target;
  readonly notes?: readonly string[];
  /** Raw samples or extra figures, kept in the JSON only. */
  readonly detail?: Record<string, unknown>;
}

/** A row with its ratios and verdict. */
export interface ScoredRow extends Row {
  /** dynamodel's value divided by raw's (same unit). */
  readonly vsRaw: number | null;
  /** dynamodel's value divided by Dynamoose's. */
  readonly vsDynamoose: number | null;
  /** dynamodel's value divided by each ODM peer's. */
  readonly vsPeers: Readonly<Record<PeerName, number | null>>;
  /** The best ODM peer measured on this row, and dynamodel's value divided by its. */
  readonly bestPeer: PeerName | null;
  readonly vsBestPeer: number | null;
  /** Whether dynamodel beats every ODM peer measured on this row (`null`: dynamodel or every peer unmeasured). */
  readonly leads: boolean | null;
  /** `true`/`false` when there is a target and dynamodel was measured; `null` otherwise. */
  readonly met: boolean | null;
}

const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

/** Adds ratios and the verdict. */
export function score(row: Row): ScoredRow {
  const vsRaw = ratio(row.values.dynamodel, row.values.raw);
  const vsDynamoose = ratio(row.values.dynamodel, row.values.dynamoose);
  const vsPeers = Object.fromEntries(PEERS.map((peer) => [peer, ratio(row.values.dynamodel, row.values[peer])])) as Record<PeerName, number | null>;
  const sign = row.better === "higher" ? 1 : -1;
  let bestPeer: PeerName | null = null;
  for (const peer of PEERS) {
    const value = row.values[peer];
    const best = bestPeer === null ? null : row.values[bestPeer];
    if (value !== null && (best === null || sign * value > sign * best)) bestPeer = peer;
  }
  const vsBestPeer = bestPeer === null ? null : ratio(row.values.dynamodel, row.values[bestPeer]);
  const leads = vsBestPeer === null ? null : row.better === "higher" ? vsBestPeer > 1 : vsBestPeer < 1;
  let met: boolean | null = null;
  const target = row.target;
  if (target && row.values.dynamodel !== null) {
    if (target.kind === "value-at-most") met = row.values.dynamodel <= target.value;
    else if (vsRaw !== null) met = target.kind === "ratio-at-least" ? vsRaw >= target.value : vsRaw <= target.value;
  }
  return { ...row, vsRaw, vsDynamoose, vsPeers, bestPeer, vsBestPeer, leads, met };
}

/** How a target reads in the table. */
export function describeTarget(target: Target | undefined, unit: string): string {
  if (!target) return "";
  if (target.kind === "ratio-at-least") return `≥ ${target.value}× raw`;
  if (target.kind === "ratio-at-most") return `≤ ${target.value}× raw`;
  return `≤ ${target.value} ${unit}`;
}

/** A number with about three significant digits. */
export function formatNumber(value: number | null): string {
  if (value === null) return "n/a";
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const formatRatio = (value: number | null) =>
  value === null ? "n/a" : `${value >= 10 ? value.toFixed(0) : value >= 0.1 ? value.toFixed(2) : value.toPrecision(2)}×`;

/** The results as a Markdown table (readable in a terminal and pasteable into RESULTS.md). */
export function formatTable(rows: readonly ScoredRow[]): string {
  const header = ["workload", "unit", ...CONTENDERS.map((name) => TITLES[name]), "dynamodel/raw", "dynamodel/best peer", "leads", "target", "met"];
  const lines = rows.map((row) => [
    row.workload,
    row.unit + (row.better === "higher" ? " ↑" : " ↓"),
    ...CONTENDERS.map((name) => formatNumber(row.values[name])),
    formatRatio(row.vsRaw),
    row.bestPeer === null ? "n/a" : `${formatRatio(row.vsBestPeer)} (${TITLES[row.bestPeer]})`,
    row.leads === null ? "n/a" : row.leads ? "yes" : "**no**",
    describeTarget(row.target, row.unit),
    row.met === null ? (row.target ? "n/a" : "") : row.met ? "yes" : "**no**",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] as string).length)));
  const render = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(" | ")} |`;
  const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  return [render(header), rule, ...lines.map(render)].join("\n");
}

/** Notes of the rows (unavailable contenders, caveats), one per line. */
export function formatNotes(rows: readonly ScoredRow[]): string {
  return rows.flatMap((row) => (row.notes ?? []).map((note) => `- ${row.workload}: ${note}`)).join("\n");
}

/** The machine, for the record. */
export function machine() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${platform()}-${arch()}`,
  };
}

/** Writes the JSON results. */
export function writeResults(file: string, data: Record<string, unknown>): void {
  mkdirSync(new URL(".", `file://${file}`).pathname, { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** The row of a workload that failed (the run goes on; `main` exits non-zero at the end). */
export function failedRow(workload: string, error: unknown): Row {
  const message = error instanceof Error ? error.message : String(error);
  return {
    workload,
    unit: "",
    better: "higher",
    values: byContender(() => null),
    notes: [`FAILED: ${message.split("\n").slice(0, 3).join(" ")}`],
    detail: { failed: true, error: message },
  };
}

/** Runs a workload; a thrown error becomes a failed row. */
export async function guarded(workload: string, run: () => Promise<Row | Row[]>, log: (line: string) => void): Promise<Row[]> {
  try {
    const result = await run();
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    log(`${workload} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [failedRow(workload, error)];
  }
}
