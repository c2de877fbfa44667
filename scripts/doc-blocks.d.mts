/** Types of scripts/doc-blocks.mjs, for test/integration/docs-runnable.test.ts. */

/** The repository root. */
export const root: string;
/** The Markdown files whose blocks are checked, relative to the repository root. */
export function docFiles(): string[];
/** One ```ts block: its first code line (1-based), its lines, and whether it is marked `runnable`. */
export interface DocBlock {
  readonly line: number;
  readonly code: string[];
  readonly runnable: boolean;
}
/** The ```ts blocks of one Markdown file. */
export function extractBlocks(markdown: string): DocBlock[];
/** One page's blocks as a module, with the Markdown line of each module line (0: generated). */
export interface PageModule {
  readonly file: string;
  readonly text: string;
  readonly lineMap: number[];
}
/** One page as a module (`only: "runnable"`: its runnable blocks); `null` when it has none. */
export function pageModule(file: string, only?: "runnable"): PageModule | null;
