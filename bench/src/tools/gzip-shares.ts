/**
 * What each source file or folder costs a minified bundle in gzip bytes: the bundle's gzip size minus the gzip size
 * of the same bundle with that part's bytes taken out (its marginal cost; the parts' costs do not add up exactly to
 * the total, since gzip shares repeats across parts). The bytes of each part come from the bundle's source map.
 */
import { gzipSync } from "node:zlib";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The values of one source-map segment (Base64 VLQ). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** For each character of `code`, the index of the source it was generated from (-1: none). */
function sourceOfEachChar(code: string, mappings: string): Int32Array {
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of code.split("\n")) {
    lineStarts.push(at);
    at += line.length + 1;
  }
  const starts: [number, number][] = [];
  let source = 0;
  mappings.split(";").forEach((line, index) => {
    let column = 0;
    for (const segment of line.split(",")) {
      if (segment === "") continue;
      const values = decodeSegment(segment);
      column += values[0] ?? 0;
      if (values.length > 1) source += values[1] ?? 0;
      starts.push([(lineStarts[index] ?? 0) + column, values.length > 1 ? source : -1]);
    }
  });
  const owner = new Int32Array(code.length).fill(-1);
  starts.forEach(([start, owned], i) => owner.fill(owned, start, starts[i + 1]?.[0] ?? code.length));
  return owner;
}

/** The marginal gzip -9 cost of each group of sources (`groupOf` names a source's group), largest first. */
export function gzipShares(code: string, map: { sources: string[]; mappings: string }, groupOf: (source: string) => string) {
  const owner = sourceOfEachChar(code, map.mappings);
  const groups = new Map<string, Set<number>>();
  map.sources.forEach((source, index) => {
    const name = groupOf(source);
    groups.set(name, (groups.get(name) ?? new Set()).add(index));
  });
  const total = gzipSync(code, { level: 9 }).length;
  const rows = [...groups].map(([name, members]) => {
    const kept: string[] = [];
    let minified = 0;
    for (let i = 0; i < code.length; i++) {
      if (members.has(owner[i] ?? -1)) minified++;
      else kept.push(code[i] as string);
    }
    return { name, minified, gzip: total - gzipSync(kept.join(""), { level: 9 }).length };
  });
  return rows.sort((a, b) => b.gzip - a.gzip);
}
