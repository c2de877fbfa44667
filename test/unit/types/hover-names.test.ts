// What an editor shows on hover for a model's key and update types: named types (`HashKey<...>`,
// `HashRangeKey<...>`, `LooseKey<...>`, `UpdateOf<...>`), not an anonymous `{ ...; }`. Quick info of TypeScript 5.9's
// language service over a file that defines three models.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const file = `${root}test/unit/types/hover-fixture.ts`;
const text = `import * as dynamodel from "../../../src/index.js";
export const Order = dynamodel.model("HoverOrder", new dynamodel.Schema({ pk: { type: String, hashKey: true }, sk: { type: Number, rangeKey: true }, total: Number }));
export const User = dynamodel.model("HoverUser", { id: { type: String, hashKey: true }, name: String });
export const Loose = dynamodel.model("HoverLoose", { id: String, name: String });
Order.get;
Order.update;
User.get;
Loose.get;
`;

/** A language service over the fixture (the other files from disk), made once. */
function languageService(): ts.LanguageService {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} });
  if (!config) throw new Error("tsconfig.json could not be read");
  return ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) =>
      ts.ScriptSnapshot.fromString(name === file ? text : ts.sys.fileExists(name) ? readFileSync(name, "utf8") : ""),
    getCurrentDirectory: () => root,
    getCompilationSettings: () => config.options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? text : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
}

describe("hover names of a model's key and update types", () => {
  it("shows HashRangeKey, HashKey, LooseKey and UpdateOf by name", () => {
    const service = languageService();
    /** The quick info (hover text) at the end of the first occurrence of `needle`. */
    const hover = (needle: string) =>
      ts.displayPartsToString(service.getQuickInfoAtPosition(file, text.indexOf(needle) + needle.length - 1)?.displayParts);
    const get = hover("Order.get");
    expect(get).toContain("HashRangeKey<");
    expect(get).toMatch(/\.get\(key: (dynamodel\.)?HashRangeKey</);
    expect(hover("Order.update")).toContain("UpdateOf<");
    expect(hover("User.get")).toMatch(/\.get\(key: (dynamodel\.)?HashKey</);
    expect(hover("Loose.get")).toMatch(/\.get\(key: (dynamodel\.)?LooseKey</);
  }, 120_000);
});
