// The public API as a user sees it: the export names of the ESM and CommonJS entries and the declared shape of every
// exported name, as TypeScript reads `src/index.ts`. A refactor that changes neither keeps both snapshots.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as cjs from "../../../src/index.cjs.js";
import * as esm from "../../../src/index.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const snapshot = (name: string) => `./__snapshots__/${name}`;

/** The names of an object and of the objects it holds (one level), sorted. */
function namesOf(namespace: object): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(namespace)) {
    names.push(name);
    if (typeof value === "object" && value !== null && name !== "default") {
      for (const inner of Object.keys(value)) names.push(`${name}.${inner}`);
    }
  }
  return names.sort();
}

/** Every exported name of `src/index.ts` with its declared type; classes and interfaces member by member. */
function declaredShape(): string {
  const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} });
  if (!config) throw new Error("tsconfig.json could not be read");
  const program = ts.createProgram([`${root}src/index.ts`], config.options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(`${root}src/index.ts`);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error("src/index.ts has no module symbol");
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias | ts.TypeFormatFlags.WriteArrowStyleSignature;
  const print = (type: ts.Type) => checker.typeToString(type, undefined, flags);
  const members = (type: ts.Type) =>
    checker
      .getPropertiesOfType(type)
      .map((property) => {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        const memberType = declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : checker.getTypeOfSymbol(property);
        const optional = property.flags & ts.SymbolFlags.Optional ? "?" : "";
        return `    ${property.name}${optional}: ${print(memberType)}`;
      })
      .concat(type.getCallSignatures().map((signature) => `    call ${checker.signatureToString(signature, undefined, flags)}`))
      .concat(type.getConstructSignatures().map((signature) => `    new ${checker.signatureToString(signature, undefined, flags)}`))
      .join("\n");
  const lines: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol).sort((a, b) => a.name.localeCompare(b.name))) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class)) {
      lines.push(`type ${exported.name} {\n${members(checker.getDeclaredTypeOfSymbol(symbol))}\n}`);
    } else if (symbol.flags & ts.SymbolFlags.TypeAlias) {
      lines.push(`type ${exported.name} = ${print(checker.getDeclaredTypeOfSymbol(symbol))}`);
    }
    if (symbol.flags & ts.SymbolFlags.Value) {
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      if (!declaration) continue;
      lines.push(`value ${exported.name} {\n${members(checker.getTypeOfSymbolAtLocation(symbol, declaration))}\n}`);
    }
  }
  // Machine-specific paths and the checker's symbol numbers are not part of the shape.
  return `${lines.join("\n")}\n`.replaceAll(root, "").replace(/__@(\w+)@\d+/g, "[$1]");
}

describe("public API", () => {
  it("the ESM and CommonJS entries export the same names", () => {
    const { default: _, ...named } = esm;
    expect(namesOf(cjs)).toEqual(namesOf(named));
  });

  it("the export names are unchanged", async () => {
    await expect(`${namesOf(esm).join("\n")}\n`).toMatchFileSnapshot(snapshot("export-names.txt"));
    await expect(`${namesOf(esm.default).join("\n")}\n`).toMatchFileSnapshot(snapshot("default-export-names.txt"));
  });

  it("the declared shape of every exported name is unchanged", async () => {
    await expect(declaredShape()).toMatchFileSnapshot(snapshot("declared-shape.txt"));
  }, 120_000);
});
