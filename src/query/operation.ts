/**
 * The two read operations Query and Scan share their code for.
 *
 * @module
 * @internal
 */

/** Query or scan. */
export type Operation = "query" | "scan";
