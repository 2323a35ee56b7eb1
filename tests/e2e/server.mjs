// A static file server for the end-to-end tests, on 127.0.0.1 only.
//   /            -> dist/ (the release build: the demo page and the widget)
//   /fixtures/*  -> tests/e2e/fixtures/* (pages the tests make themselves)
//   /docusaurus/* -> tests/docusaurus/build/* (the Docusaurus test site that
//                   tests/docusaurus/build.sh writes), with its clean URLs:
//                   /docusaurus/ironclad -> ironclad/index.html or ironclad.html
//   /docusaurus-npm/* -> target/npm/site/build/* (the same site with the npm
//                   package's plugin instead, which tests/npm/run.sh writes)
// Any path under /csp/ is served the same way with a strict
// Content-Security-Policy header; under /csp-no-wasm/ with one that forbids
// WebAssembly; under /no-wasm/ without the wasm file (404).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const port = Number(process.env.PORT || 4173);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

function resolve(pathname) {
  const path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  if (path.startsWith("/fixtures/")) return join(root, "tests/e2e", path);
  if (path === "/docusaurus" || path.startsWith("/docusaurus/")) return docusaurusFile("tests/docusaurus/build", path.slice(11));
  if (path === "/docusaurus-npm" || path.startsWith("/docusaurus-npm/")) return docusaurusFile("target/npm/site/build", path.slice(15));
  return join(root, "dist", path.endsWith("/") ? path + "index.html" : path);
}

const isFile = (file) => stat(file).then((s) => s.isFile(), () => false);

/** A path of a Docusaurus site to its file in the site's `build` folder, the
 *  way a static host serves Docusaurus's clean URLs. */
async function docusaurusFile(build, path) {
  build = join(root, build);
  const file = join(build, path);
  if (path === "" || path.endsWith("/")) return join(file, "index.html");
  if (extname(path) || (await isFile(file))) return file;
  const dir = join(file, "index.html");
  return (await isFile(dir)) ? dir : file + ".html";
}

createServer({ maxHeaderSize: 1 << 20 }, async (req, res) => {
  let { pathname } = new URL(req.url, "http://127.0.0.1");
  const headers = { "cache-control": "no-store" };
  if (pathname.startsWith("/csp/")) {
    pathname = pathname.slice(4);
    headers["content-security-policy"] = STRICT_CSP;
  } else if (pathname.startsWith("/csp-no-wasm/")) {
    pathname = pathname.slice(12);
    headers["content-security-policy"] = NO_WASM_CSP;
  } else if (pathname.startsWith("/no-wasm/")) {
    pathname = pathname.slice(8);
    if (pathname.endsWith(".wasm")) return res.writeHead(404).end("not found");
  }
  try {
    const file = await resolve(pathname);
    const body = await readFile(file);
    // The type of the file served (a clean URL of the Docusaurus site has no
    // extension); elsewhere the type of the path asked for, as always.
    const typed = pathname.startsWith("/docusaurus") ? file : pathname;
    headers["content-type"] = types[extname(typed)] || "application/octet-stream";
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}).listen(port, "127.0.0.1");
