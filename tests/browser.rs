//! Component tests: each mounts a widget into a fresh host element in a browser
//! (`scripts/test` runs them in Chromium, Firefox ESR and WebKitGTK), acts as a
//! reader would, lets the reactive system settle, and checks what the reader
//! would see.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use guide_scopes::view;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

const ACTIONS: &str = r#"[
  {"id":"list_workflows","label":"List All Workflows","scopes":["public.workflows.readWorkflows"]},
  {"id":"get_workflow","label":"Retrieve A Workflow","scopes":["public.workflows.readWorkflows"]},
  {"id":"create_record","label":"Create A Record","scopes":["public.records.createRecords","public.records.readRecords"]},
  {"id":"list_webhooks","label":"List All Webhooks","scopes":["public.webhooks.readWebhooks"]}
]"#;

struct Widget {
    host: Element,
    _mounted: view::Mounted,
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.host.remove();
    }
}

impl Widget {
    /// The widget's markup, in the host's shadow root.
    fn root(&self) -> web_sys::ShadowRoot {
        self.host
            .shadow_root()
            .expect("the widget renders in a shadow root")
    }

    fn find(&self, selector: &str) -> Element {
        self.root()
            .query_selector(selector)
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn visible_labels(&self) -> Vec<String> {
        let rows = self
            .root()
            .query_selector_all("tr[data-guide-action]")
            .unwrap();
        (0..rows.length())
            .map(|i| rows.item(i).unwrap().unchecked_into::<HtmlElement>())
            .filter(|row| !row.hidden())
            .map(|row| row_label(&row))
            .collect()
    }

    fn checked_labels(&self) -> Vec<String> {
        let rows = self
            .root()
            .query_selector_all("tr[data-guide-action]")
            .unwrap();
        (0..rows.length())
            .map(|i| rows.item(i).unwrap().unchecked_into::<Element>())
            .filter(|row| {
                row.query_selector("input[type=checkbox]")
                    .unwrap()
                    .unwrap()
                    .unchecked_into::<HtmlInputElement>()
                    .checked()
            })
            .map(|row| row_label(&row))
            .collect()
    }

    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    fn click(&self, selector: &str) {
        self.find(selector).unchecked_into::<HtmlElement>().click();
    }

    fn click_row(&self, label: &str) {
        let labels = self
            .root()
            .query_selector_all("tr[data-guide-action] label")
            .unwrap();
        let label = (0..labels.length())
            .map(|i| labels.item(i).unwrap().unchecked_into::<HtmlElement>())
            .find(|l| l.text_content().as_deref() == Some(label))
            .expect("row with that label");
        label.click();
    }

    fn search(&self, text: &str) {
        let input = self
            .find("[data-guide-action-search]")
            .unchecked_into::<HtmlInputElement>();
        input.set_value(text);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }
}

async fn settle() {
    TimeoutFuture::new(0).await;
}

/// The address bar is rewritten shortly after the selection rests.
async fn settle_address() {
    TimeoutFuture::new(200).await;
}

fn set_query(query: &str) {
    let window = web_sys::window().unwrap();
    let url = format!("{}{query}", window.location().pathname().unwrap());
    window
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

async fn mount_with(attributes: &[(&str, &str)]) -> Widget {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-guides-scope-selector", "")
        .unwrap();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    let mounted = view::mount(&host).expect("mounted");
    settle().await;
    Widget {
        host,
        _mounted: mounted,
    }
}

async fn mount(actions: &str) -> Widget {
    mount_with(&[("data-guide-actions-json", actions)]).await
}

#[wasm_bindgen_test]
async fn lists_every_action_in_order_with_labelled_checkboxes() {
    set_query("");
    let w = mount(ACTIONS).await;
    assert_eq!(
        w.visible_labels(),
        [
            "List All Workflows",
            "Retrieve A Workflow",
            "Create A Record",
            "List All Webhooks"
        ]
    );
    let checkbox = w.find("tr[data-guide-action] input[type=checkbox]");
    let id = checkbox.id();
    assert_eq!(w.text(&format!("label[for='{id}']")), "List All Workflows");
    assert!(w.host.has_attribute("data-guide-ready"));
}

#[wasm_bindgen_test]
async fn search_matches_all_terms_and_says_when_nothing_matches() {
    set_query("");
    let w = mount(ACTIONS).await;
    w.search("list READ");
    settle().await;
    assert_eq!(
        w.visible_labels(),
        ["List All Workflows", "List All Webhooks"]
    );
    assert!(w
        .find("[data-guide-no-results]")
        .unchecked_into::<HtmlElement>()
        .hidden());
    assert_eq!(w.text("[data-guide-count]"), "2 of 4 actions · 0 selected");

    w.search("records.create");
    settle().await;
    assert_eq!(w.visible_labels(), ["Create A Record"]);

    w.search("nothing like this");
    settle().await;
    assert!(w.visible_labels().is_empty());
    assert!(!w
        .find("[data-guide-no-results]")
        .unchecked_into::<HtmlElement>()
        .hidden());
}

#[wasm_bindgen_test]
async fn select_all_takes_only_the_rows_the_search_shows() {
    set_query("");
    let w = mount(ACTIONS).await;
    w.search("workflow");
    settle().await;
    w.click("[data-guide-select-all]");
    settle().await;
    w.search("");
    settle().await;
    assert_eq!(
        w.checked_labels(),
        ["List All Workflows", "Retrieve A Workflow"]
    );
    assert_eq!(
        w.text("[data-guide-scopes-output]"),
        "public.workflows.readWorkflows"
    );
}

#[wasm_bindgen_test]
async fn rows_hidden_by_search_keep_their_selection() {
    set_query("");
    let w = mount(ACTIONS).await;
    w.click_row("List All Webhooks");
    w.search("record");
    settle().await;
    w.search("");
    settle().await;
    assert_eq!(w.checked_labels(), ["List All Webhooks"]);
}

#[wasm_bindgen_test]
async fn clear_empties_the_selection() {
    set_query("");
    let w = mount(ACTIONS).await;
    let hint = || {
        w.find(".guides-scope-selector__hint")
            .unchecked_into::<HtmlElement>()
    };
    assert!(!hint().hidden(), "the hint shows while nothing is selected");
    w.click("[data-guide-select-all]");
    settle().await;
    assert_eq!(w.checked_labels().len(), 4);
    assert!(hint().hidden());
    w.click("[data-guide-clear]");
    settle().await;
    assert!(w.checked_labels().is_empty());
    assert_eq!(w.text("[data-guide-scopes-output]"), "");
    assert!(!hint().hidden());
}

#[wasm_bindgen_test]
async fn scopes_are_deduplicated_sorted_and_joined_by_the_separator() {
    set_query("");
    let w = mount(ACTIONS).await;
    w.click_row("Create A Record");
    w.click_row("List All Workflows");
    w.click_row("Retrieve A Workflow");
    settle().await;
    assert_eq!(
        w.text("[data-guide-scopes-output]"),
        "public.records.createRecords public.records.readRecords public.workflows.readWorkflows"
    );
    let select = w
        .find("[data-guide-scope-delimiter]")
        .unchecked_into::<HtmlSelectElement>();
    select.set_value("newline");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        w.text("[data-guide-scopes-output]"),
        "public.records.createRecords\npublic.records.readRecords\npublic.workflows.readWorkflows"
    );
}

#[wasm_bindgen_test]
async fn selection_is_written_to_and_restored_from_the_url() {
    set_query("?tab=2");
    let w = mount(ACTIONS).await;
    w.click_row("List All Webhooks");
    w.click_row("List All Workflows");
    settle_address().await;
    let location = web_sys::window().unwrap().location();
    assert_eq!(
        location.search().unwrap(),
        "?tab=2&actions=list_workflows,list_webhooks"
    );
    let field = w
        .find("[data-guide-url]")
        .unchecked_into::<HtmlInputElement>();
    assert_eq!(field.value(), location.href().unwrap());
    drop(w);

    set_query("?actions=get_workflow,unknown_one");
    let w = mount(ACTIONS).await;
    assert_eq!(w.checked_labels(), ["Retrieve A Workflow"]);
    assert!(w.text("[data-guide-status]").contains("unknown_one"));
    settle_address().await;
    assert_eq!(location.search().unwrap(), "?actions=get_workflow");
}

#[wasm_bindgen_test]
async fn custom_query_parameter() {
    set_query("?actions=keep");
    let w = mount_with(&[
        ("data-guide-actions-json", ACTIONS),
        ("data-guide-query-param", "picked"),
    ])
    .await;
    w.click("[data-guide-select-all]");
    settle_address().await;
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search, "?actions=keep&picked=all");
}

#[wasm_bindgen_test]
async fn copy_scopes_puts_the_shown_text_on_the_clipboard() {
    set_query("");
    // A stand-in clipboard that records what it is given; the real one is
    // exercised by the end-to-end tests.
    js_sys::eval(
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
           writeText(text) { window.__copied = text; return Promise.resolve(); } } })",
    )
    .unwrap();
    let w = mount(ACTIONS).await;
    w.click_row("Create A Record");
    let select = w
        .find("[data-guide-scope-delimiter]")
        .unchecked_into::<HtmlSelectElement>();
    select.set_value("comma");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    w.click("[data-guide-copy-scopes]");
    settle().await;
    settle().await;
    let copied = js_sys::eval("window.__copied").unwrap().as_string();
    assert_eq!(
        copied.as_deref(),
        Some("public.records.createRecords,public.records.readRecords")
    );
    assert_eq!(w.text("[data-guide-status]"), "Copied the scopes.");
}

#[wasm_bindgen_test]
async fn change_event_carries_ids_and_scopes() {
    set_query("");
    let w = mount(ACTIONS).await;
    js_sys::eval("window.__changes = []").unwrap();
    let listener = js_sys::Function::new_with_args("e", "window.__changes.push(e.detail)");
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .add_event_listener_with_callback("guide-scopes-change", &listener)
        .unwrap();
    w.click_row("Create A Record");
    settle().await;
    let last = js_sys::eval("JSON.stringify(window.__changes.at(-1))")
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        last,
        r#"{"actions":["create_record"],"scopes":["public.records.createRecords","public.records.readRecords"],"grant":["public.records.createRecords","public.records.readRecords"]}"#
    );
}

#[wasm_bindgen_test]
async fn invalid_json_shows_a_message_naming_the_problem() {
    set_query("");
    let w = mount("[{\"id\": }]").await;
    let message = w.text("[data-guide-error]");
    assert!(message.contains("not valid JSON"), "{message}");
    assert!(message.contains("line 1, column 9"), "{message}");
    assert!(!w.host.has_attribute("data-guide-ready"));
}

#[wasm_bindgen_test]
async fn labels_with_markup_are_shown_as_text() {
    set_query("");
    let w = mount(r#"[{"id":"x","label":"<img src=x onerror=alert(1)>","scopes":["s"]}]"#).await;
    assert_eq!(w.visible_labels(), ["<img src=x onerror=alert(1)>"]);
    assert!(w.root().query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn header_checkbox_shows_mixed_and_acts_on_shown_rows() {
    set_query("");
    let w = mount(ACTIONS).await;
    let header = w
        .find("[data-guide-select-shown]")
        .unchecked_into::<HtmlInputElement>();
    assert!(!header.checked() && !header.indeterminate());
    w.click_row("List All Workflows");
    settle().await;
    assert!(header.indeterminate(), "one of four chosen: mixed");
    w.search("workflow");
    settle().await;
    assert!(header.indeterminate(), "one of the two shown chosen: mixed");
    header.click();
    settle().await;
    assert!(header.checked() && !header.indeterminate());
    assert_eq!(
        w.checked_labels(),
        ["List All Workflows", "Retrieve A Workflow"]
    );
    header.click();
    settle().await;
    assert!(w.checked_labels().is_empty());
}

#[wasm_bindgen_test]
async fn groups_count_choose_their_shown_rows_and_fold() {
    set_query("");
    let w = mount(ACTIONS).await;
    let groups = w.root().query_selector_all("[data-guide-group]").unwrap();
    let names: Vec<String> = (0..groups.length())
        .filter_map(|i| {
            groups
                .item(i)?
                .unchecked_into::<Element>()
                .get_attribute("data-guide-group")
        })
        .collect();
    assert_eq!(names, ["workflows", "records", "webhooks"]);
    let workflows = r#"[data-guide-group="workflows"]"#;
    let group_box = w
        .find(&format!("{workflows} input"))
        .unchecked_into::<HtmlInputElement>();
    w.click_row("List All Workflows");
    settle().await;
    assert!(group_box.indeterminate(), "one of two chosen: mixed");
    assert_eq!(w.text(&format!("{workflows} th")), "workflows 1 / 2");
    group_box.click();
    settle().await;
    assert!(group_box.checked() && !group_box.indeterminate());
    assert_eq!(
        w.checked_labels(),
        ["List All Workflows", "Retrieve A Workflow"]
    );

    // Folded: the group's rows go, its header stays; a search opens it.
    w.click(&format!("{workflows} button"));
    settle().await;
    assert_eq!(w.visible_labels(), ["Create A Record", "List All Webhooks"]);
    let toggle = w.find(&format!("{workflows} button"));
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    w.search("retrieve");
    settle().await;
    assert_eq!(w.visible_labels(), ["Retrieve A Workflow"]);
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let records = w
        .root()
        .query_selector(r#"[data-guide-group="records"]"#)
        .unwrap();
    let shown = records.is_some_and(|r| !r.unchecked_into::<HtmlElement>().hidden());
    assert!(!shown, "a group without matches is not shown");
}

#[wasm_bindgen_test]
async fn text_attributes_replace_the_english_defaults() {
    set_query("");
    let w = mount_with(&[
        ("data-guide-actions-json", ACTIONS),
        ("data-guide-text-copy-scopes", "Copier les scopes"),
        ("data-guide-text-count", "{selected}/{total}"),
        (
            "data-guide-text-summary",
            "{actions} actions, {scopes} scopes",
        ),
    ])
    .await;
    assert_eq!(w.text("[data-guide-copy-scopes]"), "Copier les scopes");
    assert_eq!(w.text("[data-guide-select-all]"), "Select all");
    w.click_row("Create A Record");
    settle().await;
    assert_eq!(w.text("[data-guide-count]"), "1/4");
    assert_eq!(w.text("[data-guide-status]"), "1 actions, 2 scopes");
}

/// The text of a table row's label.
fn row_label(row: &Element) -> String {
    let label = row.query_selector("label").ok().flatten();
    label
        .and_then(|label| label.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_browser_lower_cases_every_code_point_as_the_standard_library_does() {
    use guide_scopes::dom::text::lowercase;
    // Every Unicode scalar value, each on a line of its own (so no letter is
    // another's context), in chunks; in a chunk that differs, each code point
    // that does is looked at alone.
    //
    // A browser whose Unicode data is older than the standard library's knows
    // neither case of a letter pair added since, and leaves both as they are:
    // WebKitGTK 2.50 on Debian 12 lower-cases with the system's ICU 72
    // (Unicode 15.0), so the capitals of Unicode 16 and 17 (U+1C89 CYRILLIC
    // CAPITAL LETTER TJE and 54 more) stay capitals there. That, and only
    // that, is let through; any other difference fails.
    let upper = |text: &str| -> String { js_sys::JsString::from(text).to_upper_case().into() };
    let chars: Vec<char> = (0..=0x10FFFF).filter_map(char::from_u32).collect();
    for chunk in chars.chunks(4096) {
        let text: String = chunk.iter().flat_map(|c| [*c, '\n']).collect();
        if lowercase(&text) == text.to_lowercase() {
            continue;
        }
        for c in chunk {
            let (capital, small) = (c.to_string(), c.to_lowercase().to_string());
            let browser = lowercase(&capital);
            let pair_unknown = browser == capital && upper(&small) == small;
            assert!(
                browser == small || pair_unknown,
                "U+{:04X} lower-cases differently in the browser",
                *c as u32
            );
        }
    }
    // Words, where a capital sigma's place in the word decides its form.
    for word in [
        "ΟΔΟΣ",
        "ΟΔΟΣ ΤΡΩΜΑ",
        "ΑΣ.",
        "Σ",
        "ΑΣΑ",
        "İSTANBUL",
        "ǅ",
        "ẞ",
    ] {
        assert_eq!(lowercase(word), word.to_lowercase(), "{word}");
    }
}

#[wasm_bindgen_test]
async fn search_ignores_case_in_every_script() {
    set_query("");
    let w = mount(
        r#"[{"id":"hy","label":"ԱՐՄԵՆԻԱ","scopes":["a"]},
            {"id":"fw","label":"ＦＵＬＬＷＩＤＴＨ","scopes":["b"]},
            {"id":"tr","label":"İstanbul","scopes":["c"]}]"#,
    )
    .await;
    w.search("արմենիա");
    settle().await;
    assert_eq!(w.visible_labels(), ["ԱՐՄԵՆԻԱ"]);
    w.search("ｆｕｌｌ");
    settle().await;
    assert_eq!(w.visible_labels(), ["ＦＵＬＬＷＩＤＴＨ"]);
    w.search("istanbul");
    settle().await;
    assert_eq!(w.visible_labels(), ["İstanbul"]);
}
