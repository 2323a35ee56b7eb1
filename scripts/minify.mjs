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
// 2. The wasm-bindgen glue: the same renames, so that it provides and calls
//    the new names; then terser, as for the loader.
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

// Measured on this widget: each beats plain `-Oz` (ARCHITECTURE.md, "Bytes").
const PASSES = ["--converge", "--low-memory-unused", "--flatten", "--rereloop", "-Oz", "-Oz"];
// binaryen 132 from npm (package.json): Debian's binaryen 108 corrupts the module.
const WASM_OPT = join(import.meta.dirname, "..", "node_modules", ".bin", "wasm-opt");
const FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-reference-types"];

/** Runs wasm-opt on the module in place; returns the import and export renames. */
function optimize(wasm) {
  const run = (...args) =>
    execFileSync(WASM_OPT, [wasm, ...args, ...FEATURES, "-o", wasm], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
  run(...PASSES);
  // Apart, because `--converge` would print the mapping once per round; the
  // `-Oz` before it gains what writing the module again loses (0.4 KB).
  return JSON.parse(run("-Oz", "--minify-imports-and-exports-and-modules"));
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
  const names = optimize(wasm);
  const modules = await importModules(wasm);
  const gluePath = join(staging, "guide-scopes.js");
  await writeFile(gluePath, rename(await readFile(gluePath, "utf8"), names, modules));

  for (const [file, module] of [["guide-scopes.js", true], ["guide-scopes-embed.js", false]]) {
    const path = join(staging, file);
    const { code } = await minify(await readFile(path, "utf8"), { module, compress: true, mangle: true });
    await writeFile(path, code);
  }
}
