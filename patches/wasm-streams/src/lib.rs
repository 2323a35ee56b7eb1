//! Stands in for `wasm-streams` 0.5 in the widget's build.
//!
//! Leptos always links its server-function client, whose streaming bodies use
//! `wasm-streams`. That crate exports three classes to JavaScript (stream
//! sources and sinks that JavaScript calls back into), and exports are roots no
//! optimiser may remove: about 10 KB of the widget's WebAssembly and 1 KB of its
//! JavaScript for code the widget never runs, since it calls no server.
//!
//! This crate offers the same names without the exports. A stream made here is
//! missing: a Rust stream handed to JavaScript becomes no body at all, and a
//! JavaScript stream read from Rust ends at once with an error.
#![no_std]

use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;
use wasm_bindgen::{JsCast, JsValue};

/// The raw stream types, as in `wasm-streams`.
pub mod readable {
    pub use super::{IntoStream, ReadableStream};
}

/// A JavaScript `ReadableStream`.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a JavaScript stream.
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// No stream: a request given this as its body is sent without one.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        Self {
            raw: JsValue::UNDEFINED.unchecked_into(),
        }
    }

    /// The JavaScript stream.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// A Rust stream that ends at once with an error.
    pub fn into_stream(self) -> IntoStream<'static> {
        IntoStream {
            ended: false,
            _reader: core::marker::PhantomData,
        }
    }
}

/// A Rust stream over a JavaScript one.
pub struct IntoStream<'reader> {
    ended: bool,
    _reader: core::marker::PhantomData<&'reader ()>,
}

impl Stream for IntoStream<'_> {
    type Item = Result<JsValue, JsValue>;

    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.ended {
            return Poll::Ready(None);
        }
        self.ended = true;
        Poll::Ready(Some(Err(JsValue::from_str("streaming is not available in this build"))))
    }
}
