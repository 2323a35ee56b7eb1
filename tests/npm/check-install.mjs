// The package as installed from its tarball into an empty folder (argument 1):
// exactly its files, the release bundle byte for byte, package.json's fields,
// every `exports` entry resolving for require and import, and the Docusaurus
// plugin's tags and options. Run by tests/npm/run.sh.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const folder = resolve(process.argv[2] ?? assert.fail("usage: node check-install.mjs FOLDER"));
const repo = fileURLToPath(new URL("../..", import.meta.url));
const installed = join(folder, "node_modules/guide-scopes");
const WIDGET = ["guide-scopes-embed.js", "guide-scopes.js", "guide-scopes_bg.wasm", "guide-scopes.css"];
const EXPORTS = {
  "guide-scopes/guide-scopes-embed.js": "guide-scopes-embed.js",
  "guide-scopes/guide-scopes.css": "guide-scopes.css",
  "guide-scopes/guide-scopes.js": "guide-scopes.js",
  "guide-scopes/guide-scopes_bg.wasm": "guide-scopes_bg.wasm",
  "guide-scopes/docusaurus": "docusaurus.js",
  "guide-scopes/package.json": "package.json",
};
const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
const require = createRequire(join(folder, "package.json"));

/** Every file under `dir`, relative, sorted. */
const listFiles = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1))
    .sort();

test("the package holds the widget's four files, the plugin, README and package.json, nothing else", () => {
  assert.deepEqual(listFiles(installed), [...WIDGET, "README.md", "docusaurus.js", "package.json"].sort());
});

test("the widget's files are the release bundle, byte for byte", () => {
  for (const file of WIDGET) {
    assert.ok(readFileSync(join(installed, file)).equals(readFileSync(join(repo, "dist", file))), file);
  }
});

test("package.json: name, Cargo.toml's version, licence, repository, keywords, files, exports", () => {
  const cargo = readFileSync(join(repo, "Cargo.toml"), "utf8");
  const version = cargo.match(/^\[package\][^[]*?^version = "([^"]+)"/m)[1];
  assert.equal(pkg.name, "guide-scopes");
  assert.equal(pkg.version, version);
  assert.equal(pkg.license, "MIT");
  assert.match(cargo, /^license = "MIT"$/m);
  assert.match(pkg.repository.url, /^git\+https:\/\/.+\.git$/);
  assert.ok(pkg.keywords.includes("docusaurus-plugin") && pkg.keywords.includes("oauth"));
  assert.deepEqual(pkg.files.sort(), [...WIDGET, "docusaurus.js"].sort());
  assert.equal(pkg.dependencies, undefined, "no dependencies");
  assert.equal(pkg.scripts, undefined, "no install scripts");
  const readme = readFileSync(join(installed, "README.md"), "utf8");
  assert.ok(readme.includes(pkg.homepage), "the README links the full documentation");
  assert.match(readme, /<script src="[^"]*guide-scopes-embed\.js" async><\/script>/);
});

test("every export resolves with require.resolve", () => {
  for (const [specifier, file] of Object.entries(EXPORTS)) {
    assert.equal(require.resolve(specifier), join(installed, file), specifier);
  }
  assert.throws(() => require.resolve("guide-scopes/README.md"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
});

test("every export resolves with import.meta.resolve", () => {
  // A module evaluated in the folder resolves as the folder's own code would.
  const code = `console.log(JSON.stringify(${JSON.stringify(Object.keys(EXPORTS))}.map((s) => import.meta.resolve(s))))`;
  const urls = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: folder, encoding: "utf8" }));
  assert.deepEqual(urls, Object.values(EXPORTS).map((file) => pathToFileURL(join(installed, file)).href));
});

test("the Docusaurus plugin: the stylesheet and the async loader on every page, its files under `path`", async () => {
  const { default: plugin } = await import(pathToFileURL(require.resolve("guide-scopes/docusaurus")).href);
  const tags = (baseUrl, options) => plugin({ baseUrl }, options).injectHtmlTags().headTags;
  assert.deepEqual(tags("/", {}), [
    { tagName: "link", attributes: { rel: "stylesheet", href: "/guide-scopes/guide-scopes.css" } },
    { tagName: "script", attributes: { src: "/guide-scopes/guide-scopes-embed.js", async: true } },
  ]);
  assert.deepEqual(
    tags("/docs/", { id: "default", path: "/assets/widget/" }).map((t) => t.attributes.href ?? t.attributes.src),
    ["/docs/assets/widget/guide-scopes.css", "/docs/assets/widget/guide-scopes-embed.js"],
  );
  for (const path of ["", "/", "../up", "a/../b", "a//b"]) {
    assert.throws(() => plugin({ baseUrl: "/" }, { path }), /`path` must be a folder/, JSON.stringify(path));
  }
  const instance = plugin({ baseUrl: "/" }, {});
  assert.equal(instance.name, "guide-scopes");
  assert.deepEqual(instance.configureWebpack({}, true), {}, "nothing for the server bundle");
  const [emit, ...rest] = instance.configureWebpack({}, false).plugins;
  assert.equal(typeof emit.apply, "function");
  assert.equal(rest.length, 0);
});
