/**
 * The `saveUnknown` matcher: which attributes the schema does not define are kept.
 * `true` keeps all; a list keeps dotted paths where `*` matches one segment and `**` any number (one or more).
 *
 * @module
 * @internal
 */

/** Decides whether the unknown attribute at a dotted path is kept. */
export type UnknownMatcher = (path: string) => boolean;

/** Never keep unknown attributes. */
export const keepNone: UnknownMatcher = () => false;

/** Builds the matcher for a `saveUnknown` setting. */
export function unknownMatcher(setting: boolean | readonly string[] | undefined): UnknownMatcher {
  if (setting === true) return () => true;
  if (!setting || setting.length === 0) return keepNone;
  const patterns = setting.map((pattern) => pattern.split("."));
  return (path) => {
    const segments = path.split(".");
    return patterns.some((pattern) => matchSegments(pattern, 0, segments, 0));
  };
}

function matchSegments(pattern: readonly string[], p: number, path: readonly string[], s: number): boolean {
  if (p === pattern.length) return s === path.length;
  const token = pattern[p];
  if (token === "**") {
    for (let next = s + 1; next <= path.length; next++) if (matchSegments(pattern, p + 1, path, next)) return true;
    return false;
  }
  if (s === path.length) return false;
  return (token === "*" || token === path[s]) && matchSegments(pattern, p + 1, path, s + 1);
}

/** Whether any pattern could keep something below `path` (so nested unknown attributes must be looked at). */
export function mayKeepBelow(setting: boolean | readonly string[] | undefined, path: string): boolean {
  if (setting === true) return true;
  if (!setting) return false;
  const segments = path === "" ? [] : path.split(".");
  return setting.some((pattern) => {
    const parts = pattern.split(".");
    for (let i = 0; i < segments.length; i++) {
      const token = parts[i];
      if (token === undefined) return false;
      if (token === "**") return true;
      if (token !== "*" && token !== segments[i]) return false;
    }
    return parts.length > segments.length;
  });
}
