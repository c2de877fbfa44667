#!/usr/bin/env node
// The docs site as a reader uses it: serves the built site (docs/.vitepress/dist) on 127.0.0.1 on a free port, opens
// the home page, a guide and an API reference page in Debian's chromium (playwright-core), and checks titles, the
// sidebar, that local search finds "transaction", and that no page logs a console error. Screenshots go to
// docs/browser-test/screenshots/ (git-ignored). The server and the browser are closed at the end, even on failure.
//
// Run `npm run docs:build` first; then `npm run docs:test` (or `node docs/browser-test/run.mjs`).
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";
import { serveStatic } from "./serve.mjs";

const here = import.meta.dirname;
const site = resolve(here, "..", ".vitepress", "dist");
const shots = join(here, "screenshots");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(join(site, "index.html"))) {
  console.error(`No built site in ${site}: run \`npm run docs:build\` first.`);
  process.exit(1);
}
if (!existsSync(executablePath)) {
  console.error(`No chromium at ${executablePath}: \`apt-get install -y chromium\` (or set CHROMIUM_PATH).`);
  process.exit(1);
}
mkdirSync(shots, { recursive: true });

const results = [];
/** Runs one named check; a failure is recorded, and the next checks still run. */
async function check(name, run) {
  try {
    await run();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`  ✗ ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const server = await serveStatic(site);
let browser;
try {
  browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  context.on("response", (response) => {
    if (response.status() >= 400) consoleErrors.push(`${page.url()}: ${response.status()} for ${response.url()}`);
  });
  const visit = async (path) => {
    const response = await page.goto(`${server.url}${path}`, { waitUntil: "networkidle" });
    expect(response?.ok(), `${path} answered ${response?.status()}`);
  };
  console.log(`docs site at ${server.url}`);

  await check("home page: title and hero", async () => {
    await visit("/");
    const title = await page.title();
    expect(title.startsWith("dynamodel"), `title is "${title}"`);
    const hero = await page.locator(".VPHero .name").innerText();
    expect(hero.includes("dynamodel"), `hero is "${hero}"`);
    await page.screenshot({ path: join(shots, "home.png"), fullPage: true });
  });

  await check("a guide: title, sidebar, content", async () => {
    await visit("/guide/transactions.html");
    const title = await page.title();
    expect(title === "Transactions | dynamodel", `title is "${title}"`);
    const sidebar = page.locator(".VPSidebar");
    expect(await sidebar.isVisible(), "the sidebar is not visible");
    for (const text of ["Getting started", "Schema", "Query & Scan", "Errors", "API reference"]) {
      expect((await sidebar.getByText(text, { exact: true }).count()) > 0, `the sidebar has no "${text}"`);
    }
    const active = await sidebar.locator(".is-active .text").first().innerText();
    expect(active === "Transactions", `the active sidebar entry is "${active}"`);
    const h1 = await page.locator(".vp-doc h1").first().innerText();
    expect(h1.startsWith("Transactions"), `h1 is "${h1}"`);
    await page.screenshot({ path: join(shots, "guide-transactions.png"), fullPage: true });
  });

  await check("a guide link leads to its page", async () => {
    await visit("/getting-started.html");
    await page.locator(".VPSidebar").getByText("Query & Scan", { exact: true }).click();
    await page.waitForURL(/\/guide\/query-scan\.html$/);
    // The site swaps the content in after the URL changes: wait for the new heading.
    await page.locator(".vp-doc h1", { hasText: "Query & Scan" }).waitFor({ timeout: 10_000 });
    const title = await page.title();
    expect(title === "Query & Scan | dynamodel", `title is "${title}"`);
  });

  await check("an API reference page: title, sidebar, members", async () => {
    await visit("/api/interfaces/Schema.html");
    const title = await page.title();
    expect(title.startsWith("Interface: Schema"), `title is "${title}"`);
    const sidebar = page.locator(".VPSidebar");
    for (const text of ["Condition", "Schema", "ModelType"]) {
      expect((await sidebar.getByText(text, { exact: true }).count()) > 0, `the API sidebar has no "${text}"`);
    }
    const text = await page.locator(".vp-doc").innerText();
    expect(text.includes("hashKey") && text.includes("attributes()"), "the Schema page lists no hashKey / attributes()");
    await page.screenshot({ path: join(shots, "api-schema.png"), fullPage: true });
  });

  await check('local search finds "transaction"', async () => {
    await visit("/");
    await page.locator(".VPNavBarSearch button").first().click();
    const input = page.locator(".VPLocalSearchBox input");
    await input.waitFor({ state: "visible" });
    await input.fill("transaction");
    const results = page.locator(".VPLocalSearchBox .result");
    await results.first().waitFor({ state: "visible", timeout: 10_000 });
    const titles = await results.allInnerTexts();
    expect(
      titles.some((text) => /transaction/i.test(text)),
      `no result mentions "transaction": ${titles.slice(0, 5).join(" | ")}`,
    );
    await page.screenshot({ path: join(shots, "search-transaction.png") });
    await results.first().click();
    // The site swaps the content in after the URL changes: wait for the page the result leads to.
    await page.waitForURL((url) => url.pathname !== "/", { timeout: 10_000 });
    await page.locator(".vp-doc", { hasText: /transaction/i }).first().waitFor({ timeout: 10_000 });
  });

  await check("no page logged a console error", async () => {
    expect(consoleErrors.length === 0, consoleErrors.join("\n"));
  });
} finally {
  await browser?.close().catch(() => {});
  await server.close();
}

const failed = results.filter((result) => !result.ok).length;
console.log(`docs browser test: ${results.length - failed} passed, ${failed} failed (screenshots in ${shots})`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
