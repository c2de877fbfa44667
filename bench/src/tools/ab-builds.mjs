// `node bench/src/tools/ab-builds.mjs <A dist/index.js> <B dist/index.js> ["row,row"] [runs]`: a time A/B of two
// builds of dynamodel on the CPU rows (serialize, deserialize, create request, compile query, compile update), one
// build per process so that neither's JIT state touches the other's, processes alternating A/B then B/A, `runs` of
// each (default 12; 30 to decide a 5% rule), the median per build. Each process warms up, then takes the median of
// 15 rounds of 5,000 operations (CPU time). Run it on an idle machine: see "Caveats" in bench/README.md. The dists
// must sit where `@aws-sdk/*` resolve (e.g. a `dist/` of a worktree with node_modules).
import { execFileSync } from "node:child_process";
const [aPath, bPath, rowsArg = "serialize,deserialize,create request,compile query,compile update", runsArg = "12"] = process.argv.slice(2);
if (process.env.CHILD) {
  const D = (await import(process.env.CHILD)).default;
  const ROLES = ["admin", "editor", "viewer", "billing"];
  const s = new D.Schema({
    id: { type: String, hashKey: true },
    email: { type: String, required: true, validate: /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i },
    name: String,
    age: { type: Number, validate: (v) => typeof v === "number" && v >= 0 && v < 150 },
    team: { type: String, index: { name: "team-index", type: "global" } },
    tags: { type: Set, schema: [String] },
    address: { type: Object, schema: { street: String, city: String, zip: String, country: { type: String, default: "FR" } } },
    roles: { type: Array, schema: [{ type: String, enum: [...ROLES] }] },
    balance: { type: Number, default: 0 },
  }, { timestamps: true });
  const M = D.model("Bench", s, { create: false, waitForActive: false });
  const inputs = Array.from({ length: 256 }, (_, i) => ({ id: `u${i}`, email: `user${i}@example.com`, name: `User ${i}`, age: 20 + (i % 60), team: `t${i % 16}`, tags: new Set(["member", `g${i % 7}`]), address: { street: `${i} Main St`, city: "Paris", zip: "75001" }, roles: [ROLES[i % 4]], balance: i }));
  const maps = inputs.map((x) => s.plan.toDynamo(x, { isNew: true }));
  const rows = {
    serialize: [(i) => s.plan.toDynamo(inputs[i & 255], { isNew: true }), false],
    deserialize: [(i) => s.plan.fromDynamo(maps[i & 255]), false],
    "create request": [(i) => M.create(inputs[i & 255], { return: "request" }), true],
    "compile query": [(i) => M.query("team").eq(`t${i % 16}`).where("age").ge(18 + (i % 5)).and().where("tags").contains("member").and().where("balance").ge(0).attributes(["id", "email", "name"]).using("team-index").getRequest(), true],
    "compile update": [(i) => M.update({ id: `u${i}` }, { $SET: { name: `Renamed ${i}`, age: 20 + (i % 50) }, $ADD: { balance: 5 }, $REMOVE: ["tags"] }, { condition: new D.Condition("age").ge(18), return: "request" }), true],
  };
  const [fn, isAsync] = rows[process.env.ROW];
  const N = 5000;
  async function time() { const t = process.cpuUsage(); if (isAsync) for (let i = 0; i < N; i++) await fn(i); else for (let i = 0; i < N; i++) fn(i); const d = process.cpuUsage(t); return (d.user + d.system) / N; }
  for (let w = 0; w < 10; w++) await time();
  const r = []; for (let k = 0; k < 15; k++) r.push(await time());
  r.sort((a, b) => a - b);
  process.stdout.write(String(r[7]));
} else {
  const med = (x) => x.slice().sort((a, b) => a - b)[x.length >> 1];
  for (const row of rowsArg.split(",")) {
    const a = [], b = [];
    for (let k = 0; k < Number(runsArg); k++) {
      const run = (p) => Number(execFileSync(process.execPath, [new URL(import.meta.url).pathname], { env: { ...process.env, CHILD: p, ROW: row } , encoding: "utf8" }));
      if (k & 1) { b.push(run(bPath)); a.push(run(aPath)); } else { a.push(run(aPath)); b.push(run(bPath)); }
    }
    console.log(row.padEnd(15), "B/A", (med(b) / med(a)).toFixed(3), " A us/op", med(a).toFixed(2), " B us/op", med(b).toFixed(2), " spread A", (Math.min(...a)).toFixed(2) + "-" + Math.max(...a).toFixed(2), " B", Math.min(...b).toFixed(2) + "-" + Math.max(...b).toFixed(2));
  }
}
