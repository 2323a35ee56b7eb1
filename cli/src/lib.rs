//! Writes guide-scopes' `data-guide-actions-json` attribute from an OpenAPI 3.0
//! or 3.1, or Swagger 2.0, document.
//!
//! Each operation whose security requirement (its own, or the document's)
//! names an OAuth 2.0 or OpenID Connect scheme becomes an action:
//!
//! ```
//! use guide_scopes_openapi::{actions_json, convert, parse, Options};
//!
//! let doc = parse(r#"
//! openapi: 3.0.3
//! info: {title: Pets, version: "1"}
//! components:
//!   securitySchemes:
//!     oauth: {type: oauth2, flows: {}}
//! security: [{oauth: ["pets:read"]}]
//! paths:
//!   /pets:
//!     get: {operationId: listPets, tags: [pets], responses: {}}
//! "#).unwrap();
//! let conversion = convert(&doc, &Options::default()).unwrap();
//! assert_eq!(
//!     actions_json(&conversion.actions),
//!     "[\n  {\"id\":\"list_pets\",\"label\":\"List pets\",\"scopes\":[\"pets:read\"],\
//!      \"group\":\"pets\",\"access\":\"read\"}\n]\n"
//! );
//! ```
#![deny(missing_docs)]

mod convert;
mod document;
mod error;
mod naming;
mod output;
mod refs;
mod security;

pub use convert::{convert, Access, Action, Conversion, LeftOut, Options, Reason, Renamed};
pub use document::{parse, Spec};
pub use error::Error;
pub use naming::{snake_case, words};
pub use output::{actions_json, escape, host_element};
