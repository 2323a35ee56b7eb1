// guide-scopes/docusaurus: a Docusaurus 3 plugin that serves the widget's four
// files from the site and adds the stylesheet and the loader to every page.
//
//   plugins: ['guide-scopes/docusaurus'],
//   plugins: [['guide-scopes/docusaurus', { path: 'assets/guide-scopes' }]],
//
// `path` is the folder, under the site's baseUrl, the files are served from
// (default `guide-scopes`). The files are emitted into the client bundle's
// output, so `docusaurus start` serves them from memory and `docusaurus build`
// writes them to the build folder. Every page gets the tags, because a
// single-page-app navigation never runs the head of the page it goes to.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const NAME = 'guide-scopes';
const FILES = ['guide-scopes-embed.js', 'guide-scopes.js', 'guide-scopes_bg.wasm', 'guide-scopes.css'];

/** The `path` option as a folder under baseUrl: no leading or trailing slash, no `..`. */
function folder(option = NAME) {
  const dir = String(option).replace(/^\/+|\/+$/g, '');
  if (!dir || dir.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw new Error(`guide-scopes/docusaurus: \`path\` must be a folder under the site's baseUrl, such as "guide-scopes"; got ${JSON.stringify(option)}`);
  }
  return dir;
}

/** A webpack (or Rspack) plugin that adds the widget's files to the output under `dir`. */
function emitFiles(dir) {
  return {
    apply(compiler) {
      const { Compilation, sources } = compiler.webpack;
      compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
          () => {
            for (const file of FILES) {
              const source = path.join(__dirname, file);
              compilation.fileDependencies.add(source);
              // `minimized`: the site's minifiers leave the release build as it is.
              compilation.emitAsset(`${dir}/${file}`, new sources.RawSource(fs.readFileSync(source)), {
                minimized: true,
              });
            }
          },
        );
      });
    },
  };
}

module.exports = function guideScopesPlugin(context, options = {}) {
  const dir = folder(options.path);
  const url = `${context.baseUrl}${dir}/`;
  return {
    name: NAME,
    injectHtmlTags() {
      return {
        headTags: [
          { tagName: 'link', attributes: { rel: 'stylesheet', href: `${url}guide-scopes.css` } },
          { tagName: 'script', attributes: { src: `${url}guide-scopes-embed.js`, async: true } },
        ],
      };
    },
    configureWebpack(config, isServer) {
      return isServer ? {} : { plugins: [emitFiles(dir)] };
    },
  };
};
