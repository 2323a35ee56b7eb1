//! The entry point Trunk builds: `guide-scopes.js` and `guide-scopes_bg.wasm`.

fn main() {
    guide_scopes::start();
}
