// guide-scopes loader: a classic script that mounts the guide-scopes widget on
// every [data-guides-scope-selector] element of the page.
//
//   <link rel="stylesheet" href="/assets/guide-scopes/guide-scopes.css">
//   <script src="/assets/guide-scopes/guide-scopes-embed.js" async></script>
//
// With `async` it runs while the page is still parsing: the module and the wasm
// download (and the wasm compiles, as it streams in) in parallel with the rest
// of the page, and the widgets mount once the document is parsed. `defer` works
// too, starting later. It loads guide-scopes.js and guide-scopes_bg.wasm from
// its own folder. If they cannot load (missing file, a Content-Security-Policy
// without 'wasm-unsafe-eval', no WebAssembly), each host says so instead of
// "Loading actions..." and the guide stays whole.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var base = new URL(".", script.src).href;

  function unavailable() {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", unavailable);
      return;
    }
    var hosts = document.querySelectorAll("[data-guides-scope-selector]:not([data-guide-ready])");
    for (var i = 0; i < hosts.length; i++) {
      var host = hosts[i];
      host.setAttribute("data-guide-unavailable", "");
      var loading = host.querySelector("[data-guide-loading]");
      if (loading) {
        loading.textContent =
          "The interactive action selector could not load. Every step of the guide below still applies.";
      }
    }
  }

  // Both requests start now; the module compiles the wasm as it arrives.
  var wasm = fetch(base + "guide-scopes_bg.wasm");
  wasm.catch(unavailable);
  import(base + "guide-scopes.js")
    .then(function (module) {
      return module.default({ module_or_path: wasm });
    })
    .catch(unavailable);
})();
