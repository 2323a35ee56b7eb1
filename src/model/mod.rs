//! The widget's decisions, as plain Rust.
//!
//! Nothing in here knows about the browser: no `web-sys`, no `wasm-bindgen`, no
//! Leptos. Every rule of the host-page contract that can be stated without a DOM
//! lives here and is tested natively with `cargo test`.

pub mod access;
pub mod catalog;
pub mod coverage;
pub mod group;
pub mod guide;
pub mod implies;
pub mod search;
pub mod selection;
pub mod separator;
pub mod text;
pub mod unknown;
pub mod url;

pub use access::Access;
pub use catalog::{Action, Catalog, ConfigError, ScopeId};
pub use group::{Group, GroupBy};
pub use guide::{Badge, Gate};
pub use implies::ImpliesError;
pub use search::{Lowercase, Query};
pub use selection::{ScopeIndex, ScopeSet, Selection, Tally};
pub use separator::Separator;
pub use text::Texts;
pub use unknown::Unknown;
