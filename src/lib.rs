//! guide-scopes: a scope picker for OAuth connector setup guides.
#![deny(missing_docs)]

pub mod model;
