//! Copying with feedback: every outcome is announced in the live region.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Element;

use crate::dom::clipboard::{self, Copied};
use crate::model::Texts;

/// Copies text for the widget and tells the reader how it went.
#[derive(Clone)]
pub struct Copier {
    status: RwSignal<String>,
    texts: Arc<Texts>,
}

impl Copier {
    /// A copier that announces in `status`.
    pub fn new(status: RwSignal<String>, texts: Arc<Texts>) -> Copier {
        Copier { status, texts }
    }

    /// Puts `text` on the clipboard and announces `done`. `shown` is the
    /// element that displays exactly `text`: where the browser refuses the
    /// clipboard, it is selected for the reader to copy by hand.
    pub fn copy(&self, text: String, shown: Option<Element>, done: String) {
        let Some(shown) = shown else { return };
        if text.is_empty() {
            self.status.set(self.texts.nothing_to_copy().clone());
            return;
        }
        let (status, refused) = (self.status, self.texts.press_to_copy().clone());
        spawn_local(async move {
            let message = match clipboard::copy(&text, &shown).await {
                Copied::Done => done,
                Copied::SelectedForManualCopy => refused,
            };
            // The widget may have been removed while the clipboard was busy.
            let _ = status.try_set(message);
        });
    }
}
