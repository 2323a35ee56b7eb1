//! Text, as the browser's JavaScript engine treats it.

use js_sys::JsString;

/// `text` lower-cased by the browser (`String.prototype.toLowerCase`): Unicode's
/// default case conversion, as `str::to_lowercase` does it, without carrying the
/// standard library's case tables in the bundle.
pub fn lowercase(text: &str) -> String {
    JsString::from(text).to_lower_case().into()
}
