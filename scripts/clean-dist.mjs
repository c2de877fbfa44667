#!/usr/bin/env node
// Empties dist/ before a build (tsup's own `clean` would race between the ESM and CommonJS configs).
import { rmSync } from "node:fs";
import { resolve } from "node:path";

rmSync(resolve(import.meta.dirname, "..", "dist"), { recursive: true, force: true });
