// Runs the cross-engine journeys (journeys.test.mjs) under node's test runner:
// serves the release build (dist/) and the test pages with tests/e2e/server.mjs
// on a free port of 127.0.0.1, starts a private Xvfb display for WebKitGTK,
// and stops both afterwards, whatever happened.
//
//   node tests/engines/run.mjs                      # Chromium, Firefox ESR, WebKitGTK
//   GUIDE_SCOPES_ENGINES=firefox node tests/engines/run.mjs
//
// Needs dist/ (trunk build --release) and the engines scripts/setup installs.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, openSync, readFileSync, closeSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ENGINES } from "./browsers.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const engines = (process.env.GUIDE_SCOPES_ENGINES || ENGINES.join(",")).split(",").filter(Boolean);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const children = [];
let scratch;

function stopAll() {
  for (const child of children.reverse()) if (child.exitCode === null && child.signalCode === null) child.kill();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function until(what, ready, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`${what} did not start within ${timeout / 1000} s`);
    await sleep(100);
  }
}

/** The static server of the Playwright tier, on a port of its own. */
async function startServer() {
  const port = await freePort();
  const server = spawn(process.execPath, [join(root, "tests/e2e/server.mjs")], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "inherit", "inherit"],
  });
  children.push(server);
  const base = `http://127.0.0.1:${port}`;
  await until("the test server", () => fetch(`${base}/index.html`).then((r) => r.ok, () => false));
  return base;
}

/** A private X display for WebKitGTK's MiniBrowser (its --headless mode hangs
 *  session creation here); Xvfb picks a free display number itself. */
async function startXvfb() {
  scratch = mkdtempSync(join(tmpdir(), "guide-scopes-xvfb-"));
  const file = join(scratch, "display");
  const fd = openSync(file, "w");
  const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "inherit", fd],
  });
  closeSync(fd);
  children.push(xvfb);
  await until("Xvfb", () => readFileSync(file, "utf8").endsWith("\n"));
  return `:${readFileSync(file, "utf8").trim()}`;
}

let code = 1;
try {
  if (!existsSync(join(root, "dist/guide-scopes_bg.wasm"))) throw new Error("no release build in dist/: run trunk build --release first");
  const env = { ...process.env, GUIDE_SCOPES_BASE_URL: await startServer(), GUIDE_SCOPES_ENGINES: engines.join(",") };
  if (engines.includes("webkit")) env.DISPLAY = await startXvfb();
  const started = Date.now();
  const tests = spawn(
    process.execPath,
    ["--test", "--test-concurrency=1", "--test-reporter=spec", join(root, "tests/engines/journeys.test.mjs")],
    { env, stdio: "inherit" },
  );
  children.push(tests);
  code = await new Promise((resolve) => tests.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  console.log(`cross-engine journeys (${engines.join(", ")}): ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (e) {
  console.error(String(e.stack || e));
} finally {
  stopAll();
}
process.exit(code);
