// Shrinks what every docs page downloads. Trunk runs it after each release
// build (Trunk.toml, [[hooks]]) on the files it is about to publish; debug
// builds stay readable.
//
// 1. The module: binaryen's wasm-opt with the passes below, then its
//    `--minify-imports-and-exports-and-modules` pass, which renames the
//    module's imports and exports (`__wbg_setAttribute_8f7e…`,
//    `wasm_bindgen__convert__closures_____invoke__h…`) to one or two letters
//    and prints the mapping, as Emscripten does for its own glue. The hashed
//    names were about 3.5 KB of the bundle, brotli, half in the module and
//    half in the glue.
//    First of all, the module's exports that the glue never calls go, with
//    the code only they reach and the imports only that code used (binaryen's
//    wasm-metadce): wasm-streams' stream classes, which Leptos links for
//    server functions this widget does not have (−1.2 KB).
// 2. The wasm-bindgen glue: without those classes and imports, the same
//    renames, so that it provides and calls the new names; then terser, as
//    for the loader.
import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as acorn from "acorn";
import { minify } from "terser";

// Measured on this widget: each beats plain `-Oz` (ARCHITECTURE.md, "Bytes").
const PASSES = ["--converge", "--low-memory-unused", "--flatten", "--rereloop", "-Oz", "-Oz"];
// binaryen 132 from npm (package.json): Debian's binaryen 108 corrupts the module.
const BIN = join(import.meta.dirname, "..", "node_modules", ".bin");
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-reference-types"];

// The glue's classes that no page imports (the loader imports only `default`).
const UNUSED_CLASS = /\bIntoUnderlying\w*/;

const run = (tool, wasm, ...args) =>
  execFileSync(join(BIN, tool), [wasm, ...args, ...FEATURES, "-o", wasm], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });

/** The glue's top-level statements, parsed. */
const statements = (glue) => acorn.parse(glue, { ecmaVersion: "latest", sourceType: "module" }).body;

/** `text` without the source ranges of `nodes`. */
function cut(text, nodes) {
  for (const { start, end } of [...nodes].sort((a, b) => b.start - a.start)) {
    text = text.slice(0, start) + text.slice(end);
  }
  return text;
}

/**
 * The glue exporting only `default` (the loader's import): without the classes
 * no page imports (their declarations, their finalization registries, their
 * `Symbol.dispose` lines) and without `initSync` (terser then drops it); and
 * the module's export graph without what only those called.
 */
async function shake(glue, wasm) {
  const body = statements(glue);
  // Functions (the imports object among them) stay whatever they mention.
  const unused = body.filter(
    (node) => node.type !== "FunctionDeclaration" && UNUSED_CLASS.test(glue.slice(node.start, node.end)),
  );
  const exports = body.find((node) => node.type === "ExportNamedDeclaration" && !node.declaration);
  const init = exports?.specifiers.find((s) => s.exported.name === "default");
  if (!init) throw new Error("minify.mjs: the glue has no default export");
  glue = cut(glue, [...unused, exports]) + `export { ${init.local.name} as default };\n`;
  const called = new Set([...glue.matchAll(/\bwasm\.(\w+)/g)].map(([, name]) => name));
  const graph = [...called].map((name) => ({ name: `export ${name}`, root: true, export: name }));
  const module = await WebAssembly.compile(await readFile(wasm));
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    graph.push({ name: `import ${name}`, import: [from, name] });
  }
  return { glue, graph };
}

/** The glue without the import functions the module no longer imports. */
async function dropImports(glue, wasm) {
  const module = await WebAssembly.compile(await readFile(wasm));
  const imported = new Set(WebAssembly.Module.imports(module).map((i) => i.name));
  const gone = [];
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "Property" && node.key.type === "Identifier" && /^__wbg_/.test(node.key.name)) {
      if (!imported.has(node.key.name)) gone.push(node);
      return;
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") visit(value);
    }
  };
  statements(glue).forEach(visit);
  // Each property is followed by its comma.
  return cut(glue, gone.map(({ start, end }) => ({ start, end: glue.indexOf(",", end) + 1 })));
}

/** The module names the minified module imports from (binaryen renames them too). */
async function importModules(wasm) {
  const module = await WebAssembly.compile(await readFile(wasm));
  return [...new Set(WebAssembly.Module.imports(module).map((i) => i.module))];
}

const escape = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The glue with every old import and export name replaced by its new one. */
function rename(glue, { imports, exports }, modules) {
  const replace = (text, pattern, to, what) => {
    const next = text.replace(pattern, to);
    if (next === text) throw new Error(`minify.mjs: the glue never names ${what}`);
    return next;
  };
  const oldModules = new Set(imports.map(([module]) => module));
  if (oldModules.size !== 1 || modules.length !== 1) {
    throw new Error(`minify.mjs: expected one import module, found ${[...oldModules]} → ${modules}`);
  }
  const [[oldModule]] = imports;
  // The imports object: `"./guide-scopes_bg.js": import0`, its keys `__wbg_…: function`.
  glue = replace(glue, `"${oldModule}":`, `"${modules[0]}":`, oldModule);
  for (const [, from, to] of imports) {
    glue = replace(glue, new RegExp(`\\b${escape(from)}(?=:)`, "g"), to, from);
  }
  // The exports, always read as `wasm.<name>`.
  for (const [from, to] of exports) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${escape(from)}\\b`, "g"), `wasm.${to}`);
  }
  const left = glue.match(/\b__wbg_\w+_[0-9a-f]{16}(?=:)|\bwasm\.wasm_bindgen__\w+/);
  if (left) throw new Error(`minify.mjs: ${left[0]} was not renamed`);
  return glue;
}

if (process.env.TRUNK_PROFILE === "release") {
  const staging = process.env.TRUNK_STAGING_DIR;
  const wasm = join(staging, "guide-scopes_bg.wasm");
  const gluePath = join(staging, "guide-scopes.js");
  const shaken = await shake(await readFile(gluePath, "utf8"), wasm);
  const graphFile = `${wasm}.graph.json`;
  await writeFile(graphFile, JSON.stringify(shaken.graph));
  run("wasm-metadce", wasm, "-f", graphFile);
  await rm(graphFile);
  let glue = await dropImports(shaken.glue, wasm);

  run("wasm-opt", wasm, ...PASSES);

  // Apart from the passes, because `--converge` would print the mapping once
  // per round; the `-Oz` gains what writing the module again loses (0.4 KB).
  const names = JSON.parse(run("wasm-opt", wasm, "-Oz", "--minify-imports-and-exports-and-modules"));
  glue = rename(glue, names, await importModules(wasm));
  await writeFile(gluePath, glue);

  for (const [file, module] of [["guide-scopes.js", true], ["guide-scopes-embed.js", false]]) {
    const path = join(staging, file);
    const { code } = await minify(await readFile(path, "utf8"), { module, compress: true, mangle: true });
    await writeFile(path, code);
  }
}
