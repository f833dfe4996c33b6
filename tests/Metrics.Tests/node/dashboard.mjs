// Drives the metrics dashboard in headless Chromium and saves a full-page screenshot.
// usage: node dashboard.mjs <dashboard url> <screenshot path>
// Prints one JSON line with what the page showed; exits non-zero with a reason when the page is broken.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, screenshotPath] = process.argv.slice(2);
if (!url || !screenshotPath) {
  console.error("usage: node dashboard.mjs <url> <screenshot.png>");
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), "metrics-dashboard-"));
const problems = [];
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1600, height: 1000 },
    deviceScaleFactor: 1,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on("pageerror", error => problems.push(`page error: ${error.message}`));
  page.on("console", message => { if (message.type() === "error") problems.push(`console error: ${message.text()}`); });
  page.on("requestfailed", request => problems.push(`request failed: ${request.url()}`));
  // The page must work with no external network: anything not from the service itself is a problem.
  const origin = new URL(url).origin;
  await page.route("**/*", route => {
    if (new URL(route.request().url()).origin !== origin) {
      problems.push(`external request: ${route.request().url()}`);
      return route.abort();
    }
    return route.continue();
  });

  await page.goto(`${url}?window=day`, { waitUntil: "domcontentloaded", timeout: 60_000 });
  await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });

  // Switching the window reloads the data.
  await page.click("button[data-window=hour]");
  await page.waitForSelector("body[data-window=hour]", { timeout: 60_000 });
  await page.click("button[data-window=day]");
  await page.waitForSelector("body[data-window=day]", { timeout: 60_000 });

  // It refreshes by itself.
  const firstUpdate = await page.textContent("#updated");
  await page.waitForFunction(previous => document.querySelector("#updated").textContent !== previous, firstUpdate, { timeout: 30_000 });

  const shown = await page.evaluate(() => ({
    kpis: Object.fromEntries([...document.querySelectorAll(".kpi")].map(k => [k.id.replace("kpi-", ""), k.querySelector(".value").textContent])),
    spendByModelBars: document.querySelectorAll("#chart-spend-model svg rect").length,
    spendByAgentBars: document.querySelectorAll("#chart-spend-agent svg rect").length,
    latencyLines: document.querySelectorAll("#chart-latency svg path").length,
    failureLines: document.querySelectorAll("#chart-failures svg path").length,
    modelRows: document.querySelectorAll("#models-table tr").length - 1,
    agentRows: document.querySelectorAll("#agents-table tr").length - 1,
    tierRows: document.querySelectorAll("#tiers-table tr").length - 1,
    budgetBars: document.querySelectorAll("#budgets .bar-row").length,
    firingAlerts: document.querySelectorAll("#alerts .alert:not(.resolved)").length,
    status: document.querySelector("#updated").textContent,
  }));
  await page.screenshot({ path: screenshotPath, fullPage: true });
  console.log(JSON.stringify({ ...shown, problems }));
  process.exitCode = problems.length ? 1 : 0;
} catch (error) {
  console.log(JSON.stringify({ problems: [...problems, `driver: ${error.message}`] }));
  process.exitCode = 1;
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
}
