/**
 * Attribute paths: the `a.b[2].c` notation parsed into typed segments, and back.
 *
 * @module
 */
import { InvalidParameter } from "../errors.js";

/**
 * One step of an attribute path: a map key (`name`) or a list position (`index`).
 *
 * @example
 * ```ts
 * const step: PathSegment = { kind: "index", index: 2 }; // the "[2]" of "a.b[2]"
 * ```
 */
export type PathSegment = { readonly kind: "name"; readonly name: string } | { readonly kind: "index"; readonly index: number };

/**
 * A document path: a top-level attribute name followed by map keys and list indexes.
 *
 * @example
 * ```ts
 * const path: Path = parsePath("address.lines[0]"); // name "address", name "lines", index 0
 * ```
 */
export type Path = readonly PathSegment[];

function malformed(text: string, why: string, cause?: unknown): InvalidParameter {
  return new InvalidParameter(`Invalid attribute path ${JSON.stringify(text)}: ${why}.`, {
    code: "invalid_path",
    path: text,
    expected: 'a path like "a.b[2].c" (a name holding ".", "[" or "]" quoted: a["x.y"])',
    received: JSON.stringify(text),
    cause,
  });
}

/**
 * Parses a dotted path with list indexes into segments. Names may hold any character except `.`, `[` and `]`
 * (spaces, `#`, `:`, unicode are fine: they only ever reach DynamoDB as `ExpressionAttributeNames` values).
 * A name that holds `.`, `[` or `]` is written as a quoted segment: a bracket holding a JSON string literal,
 * taken literally (`["a.b"]` at the start is the top-level name `a.b`; `m["x[0]"]` is the key `x[0]` of `m`;
 * `\"` and `\\` escapes work as in JSON). Throws `InvalidParameter` on malformed paths (`""`, `"a..b"`, `"a[x]"`,
 * `"[0]"`, `"a[1]b"`, `'a["b'`, `'a["b"'`, `'a["b"]c'`).
 *
 * @example
 * ```ts
 * parsePath("a.b[2].c");
 * // [{kind:"name",name:"a"},{kind:"name",name:"b"},{kind:"index",index:2},{kind:"name",name:"c"}]
 * parsePath('m["a.b"][2].c');
 * // [{kind:"name",name:"m"},{kind:"name",name:"a.b"},{kind:"index",index:2},{kind:"name",name:"c"}]
 * ```
 */
export function parsePath(text: string): Path {
  // Paths are frozen, so a parsed path can be shared; the cache is bounded.
  const cached = parsedPaths.get(text);
  if (cached !== undefined) return cached;
  const parsed = parsePathText(text);
  if (parsedPaths.size >= MAX_CACHED_PATHS) parsedPaths.clear();
  parsedPaths.set(text, parsed);
  return parsed;
}

const MAX_CACHED_PATHS = 2048;
const QUOTE = 34; // '"'
const BACKSLASH = 92; // '\\'

const parsedPaths = new Map<string, Path>();

function parsePathText(text: string): Path {
  if (typeof text !== "string") throw malformed(String(text), "a path must be a string");
  if (text === "") throw malformed(text, "it is empty");
  const segments: PathSegment[] = [];
  let i = 0;
  // expecting: "name" at the start and after ".", "after" once a name or index was read
  let state: "name" | "after" = "name";
  while (i < text.length) {
    const ch = text[i];
    if (state === "name") {
      if (i === 0 && ch === "[" && text.charCodeAt(1) === QUOTE) {
        i = readQuoted(text, 0, segments);
        state = "after";
        continue;
      }
      let end = i;
      while (end < text.length && text[end] !== "." && text[end] !== "[" && text[end] !== "]") end++;
      if (end === i) throw malformed(text, `an attribute name is missing at position ${i}`);
      segments.push(Object.freeze({ kind: "name", name: text.slice(i, end) }));
      i = end;
      state = "after";
    } else if (ch === ".") {
      i++;
      if (i === text.length) throw malformed(text, "it ends with a dot");
      state = "name";
    } else if (ch === "[") {
      // Only `["` takes the quoted-name branch, so index-only paths cost nothing extra.
      if (text.charCodeAt(i + 1) === QUOTE) {
        i = readQuoted(text, i, segments);
        continue;
      }
      const close = text.indexOf("]", i);
      if (close === -1) throw malformed(text, `the "[" at position ${i} is never closed`);
      const digits = text.slice(i + 1, close);
      if (!/^\d+$/.test(digits)) throw malformed(text, `list index "${digits}" is not a non-negative integer`);
      const index = Number(digits);
      if (!Number.isSafeInteger(index)) throw malformed(text, `list index ${digits} is too large`);
      segments.push(Object.freeze({ kind: "index", index }));
      i = close + 1;
    } else {
      throw malformed(text, `unexpected ${JSON.stringify(ch)} at position ${i}`);
    }
  }
  return Object.freeze(segments);
}

/**
 * Reads the quoted name segment `["..."]` whose `[` is at `open`, pushes it and returns the position after its `]`.
 * The quoted text is a JSON string literal, so its escapes are JSON's.
 */
function readQuoted(text: string, open: number, segments: PathSegment[]): number {
  const start = open + 1;
  let end = start + 1;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === QUOTE) break;
    end += code === BACKSLASH ? 2 : 1;
  }
  if (end >= text.length) throw malformed(text, `the quoted name at position ${start} is never closed`);
  const literal = text.slice(start, end + 1);
  let name: string;
  try {
    name = JSON.parse(literal) as string;
  } catch (cause) {
    throw malformed(text, `the quoted name ${literal} at position ${start} is not a valid JSON string`, cause);
  }
  if (name === "") throw malformed(text, `the quoted name at position ${start} is empty`);
  const close = end + 1;
  if (close === text.length) throw malformed(text, `the "[" at position ${open} is never closed`);
  if (text[close] !== "]")
    throw malformed(text, `unexpected ${JSON.stringify(text[close])} at position ${close}: a quoted name ends with "]"`);
  segments.push(Object.freeze({ kind: "name", name }));
  return close + 1;
}

/**
 * Renders segments back to `a.b[2].c` notation, the inverse of {@link parsePath}: a name holding `.`, `[` or `]`
 * is written as a quoted segment (`["a.b"]`, `m["x[0]"]`).
 *
 * @example
 * ```ts
 * pathToString([{ kind: "name", name: "a" }, { kind: "index", index: 2 }]); // "a[2]"
 * pathToString([{ kind: "name", name: "m" }, { kind: "name", name: "a.b" }]); // 'm["a.b"]'
 * ```
 */
export function pathToString(path: Path): string {
  let text = "";
  for (const segment of path) {
    if (segment.kind === "index") text += `[${segment.index}]`;
    else if (NEEDS_QUOTES.test(segment.name)) text += `[${JSON.stringify(segment.name)}]`;
    else text += text === "" ? segment.name : `.${segment.name}`;
  }
  return text;
}

const NEEDS_QUOTES = /[.[\]]/;

/**
 * Accepts a path as text or segments and returns segments; used by every node factory.
 *
 * @example
 * ```ts
 * toPath("a.b"); // same as parsePath("a.b")
 * toPath([{ kind: "name", name: "a.b" }]); // one name that contains a dot
 * toPath('["a.b"]'); // the same single name, quoted
 * ```
 */
export function toPath(path: string | Path): Path {
  if (typeof path === "string") return parsePath(path);
  if (!Array.isArray(path) || path.length === 0) {
    throw new InvalidParameter("An attribute path must be a non-empty string or array of segments.", {
      code: "invalid_path",
      received: Array.isArray(path) ? "[]" : typeof path,
    });
  }
  const first = path[0];
  if (first?.kind !== "name") {
    throw new InvalidParameter(`Invalid attribute path ${JSON.stringify(pathToString(path))}: it must start with an attribute name.`, {
      code: "invalid_path",
      path: pathToString(path),
    });
  }
  for (const segment of path) {
    const ok =
      segment.kind === "name"
        ? typeof segment.name === "string" && segment.name !== ""
        : segment.kind === "index" && Number.isSafeInteger(segment.index) && segment.index >= 0;
    if (!ok) {
      throw new InvalidParameter(`Invalid attribute path ${JSON.stringify(pathToString(path))}: bad segment ${JSON.stringify(segment)}.`, {
        code: "invalid_path",
        path: pathToString(path),
      });
    }
  }
  return Object.isFrozen(path) ? path : Object.freeze(path.map((segment) => Object.freeze({ ...segment })));
}
