/**
 * Wildcard matching of dotted strings, for the logger's category filter and `populate`'s properties: a leaf, so that
 * neither imports the schema for it.
 *
 * @module
 * @internal
 */

/** Decides whether a dotted path matches (used by the logger's category filter and `populate`'s properties). */
export type UnknownMatcher = (path: string) => boolean;

const keepNone: UnknownMatcher = () => false;

/**
 * A matcher of whole dotted strings (`*` one segment, `**` one or more): `true` matches all. Item attributes are not
 * matched this way (see `KeepRule` in `schema/save-unknown.ts`).
 */
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
