//! Hostile sizes: the paths that read a link, pasted text, the actions
//! attribute or the guide's scope lists do linear work in their input.
//!
//! Nothing here is timed. The work of each path is counted as the heap
//! allocations and bytes it asks for on this thread, on an input and on one ten
//! times larger: a path that copies what it has read so far for each new item
//! (the usual way quadratic work creeps in) asks for about a hundred times
//! more, a linear one about ten times. A path can also go quadratic without
//! allocating (a linear search per item), which counting cannot see; the last
//! tests read inputs so large (300,000 different ids or scopes) that such a
//! search would need some 10^10 comparisons and the suite would not finish.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use guide_scopes::model::coverage::{self, cover};
use guide_scopes::model::url::{self, decode_selection};
use guide_scopes::model::{Catalog, Gate, Texts};

/// The system allocator, counting what each thread asks of it.
struct Counting;

thread_local! {
    static ASKED: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

fn note(bytes: usize) {
    // `try_with`: a thread being torn down may still free memory.
    let _ = ASKED.try_with(|asked| {
        let (count, total) = asked.get();
        asked.set((count + 1, total + bytes as u64));
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note(layout.size());
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note(new_size);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Allocations and bytes `work` asks for on this thread.
fn work<T>(work: impl FnOnce() -> T) -> (u64, u64) {
    let before = ASKED.with(Cell::get);
    let result = work();
    let after = ASKED.with(Cell::get);
    drop(result);
    (after.0 - before.0, after.1 - before.1)
}

/// Asserts that `run` on an input of size 10n asks for at most 20 times what
/// it asks for at size n (linear: about 10; quadratic: about 100), with some
/// slack for a constant part.
fn linear(name: &str, n: usize, run: impl Fn(usize) -> (u64, u64)) {
    let (small, large) = (run(n), run(10 * n));
    assert!(
        large.0 <= 20 * small.0 + 64 && large.1 <= 20 * small.1 + 65_536,
        "{name}: {small:?} (allocations, bytes) at {n}, {large:?} at {}",
        10 * n
    );
}

/// The demo's shape: 51 actions over 40 scopes.
fn demo() -> Catalog {
    let actions: Vec<String> = (0..51)
        .map(|i| {
            format!(
                r#"{{"id":"act_{i}","label":"Act {i}","scopes":["s.{}.read"]}}"#,
                i % 40
            )
        })
        .collect();
    Catalog::parse(&format!("[{}]", actions.join(","))).unwrap()
}

/// `n` link items: every 50th one a known id, the rest unknown, each
/// different, every third percent-encoded.
fn link(n: usize) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| match i {
            _ if i % 50 == 0 => format!("act_{}", i / 50 % 51),
            _ if i % 3 == 0 => format!("x%2C{i:x}"),
            _ => format!("x{i:x}"),
        })
        .collect();
    items.join(",")
}

/// `n` pasted scopes: every 50th one known, the rest unknown and different.
fn pasted(n: usize, separator: &str) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| match i % 50 {
            0 => format!("s.{}.read", i / 50 % 40),
            _ => format!("other.{i:x}"),
        })
        .collect();
    items.join(separator)
}

#[test]
fn a_link_is_read_in_linear_work() {
    let catalog = demo();
    linear("distinct ids", 10_000, |n| {
        let raw = link(n);
        work(|| decode_selection(&catalog, &raw))
    });
    linear("repeated ids", 10_000, |n| {
        let raw = vec!["act_1,nope,act_1,x%2Cy"; n / 4].join(",");
        work(|| decode_selection(&catalog, &raw))
    });
    linear("the address rewritten", 10_000, |n| {
        let query = format!("?a=1&actions={}&b=2", link(n));
        work(|| url::with_param(&query, "actions", Some("act_1")))
    });
}

#[test]
fn pasted_scopes_are_read_in_linear_work() {
    let catalog = demo();
    linear("scopes", 10_000, |n| {
        let text = pasted(n, "\n");
        work(|| cover(&catalog, &text))
    });
    linear("an authorize URL", 10_000, |n| {
        let text = format!("https://idp.example/authorize?scope={}", pasted(n, "%20"));
        work(|| cover(&catalog, &text))
    });
}

#[test]
fn the_page_is_read_in_linear_work() {
    linear("the actions attribute", 2_000, |n| {
        let actions: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id":"a{i}","label":"Action {i}","scopes":["r{}.read","w{}.write"]}}"#,
                    i % 300,
                    i % 7
                )
            })
            .collect();
        let json = format!("[{}]", actions.join(","));
        work(|| Catalog::parse(&json))
    });
    let catalog = demo();
    linear("a guide scope list", 10_000, |n| {
        let list = pasted(n, ", ");
        work(|| Gate::parse(&catalog, &list))
    });
}

#[test]
fn a_huge_link_names_a_few_unknown_ids_and_counts_them_all() {
    let catalog = demo();
    let restored = decode_selection(&catalog, &link(300_000));
    // 6,000 items are known: each of the 51 actions, many times over.
    assert_eq!(restored.selection.count(), 51);
    assert_eq!(restored.unknown.count, 294_000);
    assert_eq!(restored.unknown.named, ["x1", "x2", "x,3", "x4", "x5"]);
    let texts = Texts::default();
    assert_eq!(
        restored.unknown.list(texts.more()),
        "x1, x2, x,3, x4, x5 (+293995 more)"
    );
    assert_eq!(url::NAMED, restored.unknown.named.len());
}

#[test]
fn a_huge_paste_names_a_few_unknown_scopes_and_counts_them_all() {
    let catalog = demo();
    let coverage = cover(&catalog, &pasted(300_000, " ")).unwrap();
    assert_eq!(coverage.selection.count(), 51);
    assert_eq!(coverage.unknown.count, 294_000);
    assert_eq!(coverage.unknown.named.len(), coverage::NAMED);
    assert_eq!(coverage.unknown.named[0], "other.1");
    assert!(coverage
        .unknown
        .list("(+{count} more)")
        .ends_with(" (+293980 more)"));
}
