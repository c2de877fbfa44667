/**
 * The child of `tools/instructions.ts`, bundled once per build compared: runs one CPU workload's dynamodel body
 * (`dynamodelBody`, the bench's exact calls) `WARM` times, then `COUNT` times, under valgrind. Nothing is printed:
 * the parent reads valgrind's instruction count.
 */
import { dynamodelBody } from "../workloads/cpu.js";

const body = dynamodelBody(process.env.WORKLOAD ?? "serialize");
await body(Number(process.env.WARM ?? 20_000));
await body(Number(process.env.COUNT ?? 0));
