//! The bridge to the browser: the only code that touches `web-sys`.
//!
//! Functions here read and write the page and report what happened; they make no
//! decisions. Every browser call that can fail returns a `Result` or an `Option`
//! and the caller gets a plain answer, never a panic.

pub mod clipboard;
pub mod focus;
pub mod framework;
pub mod guide;
pub mod host;
pub mod location;
pub mod text;

pub(crate) fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub(crate) fn document() -> Option<web_sys::Document> {
    window()?.document()
}
