/**
 * Summaries of V8 CPU profiles (`node --cpu-prof` / `node:inspector`): self time by function, mapped back to `src/`
 * file:line through `dist/index.js.map`, and by file or package. Used by `profile` and `profile-io`.
 */
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export const BENCH = fileURLToPath(new URL("../../", import.meta.url));
const DIST = fileURLToPath(new URL("../../../dist/index.js", import.meta.url));

function loadSourceMap(): SourceMap | null {
  try {
    return new SourceMap(JSON.parse(readFileSync(`${DIST}.map`, "utf8")));
  } catch {
    return null;
  }
}

/** Where a frame comes from: dynamodel's src file, a package, or Node. */
function locate(frame: ProfileNode["callFrame"], map: SourceMap | null): { where: string; file: string } {
  const url = frame.url;
  if (!url) return { where: "(native/VM)", file: "(native/VM)" };
  if (url.endsWith("/dist/index.js") && map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number };
    if (entry.originalSource) {
      const source = entry.originalSource.replace(/^.*?\/src\//, "src/");
      return { where: `${source}:${(entry.originalLine ?? 0) + 1}`, file: source };
    }
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return { where: pkg, file: pkg };
  if (url.startsWith("node:")) return { where: url, file: "node internals" };
  return { where: url.replace(/^file:\/\//, "").replace(BENCH, "bench/"), file: url.includes("/bench/") ? "bench harness" : url };
}

export function summarize(profile: Profile, top: number): string {
  const map = loadSourceMap();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const { where, file } = locate(frame, map);
    const key = `${frame.functionName || "(anonymous)"}  ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    byFile.set(file, (byFile.get(file) ?? 0) + micros);
  }
  const lines = (entries: Map<string, number>, count: number) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`)
      .join("\n");
  return `self time by function (top ${top}):\n${lines(byFunction, top)}\n\nself time by file:\n${lines(byFile, 12)}\n`;
}

