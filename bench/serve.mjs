// What the two benchmarks share: the release build and their generated pages
// served on 127.0.0.1, and Debian's headless Chromium.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { chromium } from "@playwright/test";

const DIST = new URL("../dist/", import.meta.url);
const TYPES = { wasm: "application/wasm", js: "text/javascript", css: "text/css", html: "text/html", svg: "image/svg+xml" };

/** Serves `pages` (a Map of path to HTML) and dist/ (`/` is its demo page) on a
 *  free port of 127.0.0.1. Long addresses (a link naming 100,000 ids) are
 *  accepted. */
export async function serve(pages) {
  const server = createServer({ maxHeaderSize: 4 << 20 }, async (req, res) => {
    const path = new URL(req.url, "http://127.0.0.1").pathname;
    if (pages.has(path)) return res.writeHead(200, { "content-type": "text/html" }).end(pages.get(path));
    const file = path === "/" ? "index.html" : path.slice(1);
    try {
      const body = await readFile(new URL(file, DIST));
      res.writeHead(200, { "content-type": TYPES[file.split(".").pop()] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Debian's Chromium, headless, with `extra` flags. */
export function launch(extra = []) {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", ...extra],
  });
}
