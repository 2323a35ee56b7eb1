//! Minifies the widget's stylesheet (style/widget.css), which the module carries
//! for the shadow root of each host: comments and the whitespace CSS does not
//! need go, the rules stay as written.

use std::{env, fs, path::Path};

fn main() {
    let source = "style/widget.css";
    println!("cargo::rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("style/widget.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("widget.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

/// `css` without comments, runs of whitespace as one space, no space next to
/// `{`, `}`, `;`, `,` or `>`, and none after a declaration's `:` (a space
/// before a colon, as in `a :hover`, is kept; after one, only declarations
/// have it in the widget's CSS). Its strings hold none of these.
fn minify(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::with_capacity(text.len());
    for word in words {
        let tight = |c: Option<char>| matches!(c, Some('{' | '}' | ';' | ',' | '>'));
        if !out.is_empty() && !tight(out.chars().last()) && !tight(word.chars().next()) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace(";}", "}")
        .replace(": ", ":")
        .replace(" !important", "!important")
}
