//! A stand-in for the `send_wrapper` crate, which Leptos uses to keep
//! browser objects in its `Send` containers.
//!
//! The original remembers the thread that made the wrapper and checks it on
//! every access. WebAssembly without the `atomics` feature has exactly one
//! thread, so there the check can never fail: this stand-in skips it, and with
//! it `std::thread::current`, which cost the widget 2.6 KB of its bundle. On
//! every other target it checks like the original and panics on access from
//! another thread.

use std::fmt;
use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};

/// A value that may be moved between threads but used only on the thread that
/// wrapped it.
pub struct SendWrapper<T> {
    data: ManuallyDrop<T>,
    #[cfg(not(all(target_family = "wasm", not(target_feature = "atomics"))))]
    thread: std::thread::ThreadId,
}

impl<T> SendWrapper<T> {
    /// Wraps `data`, which belongs to the current thread from now on.
    pub fn new(data: T) -> Self {
        SendWrapper {
            data: ManuallyDrop::new(data),
            #[cfg(not(all(target_family = "wasm", not(target_feature = "atomics"))))]
            thread: std::thread::current().id(),
        }
    }

    /// Whether the current thread may use the value.
    #[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
    pub fn valid(&self) -> bool {
        true
    }

    /// Whether the current thread may use the value.
    #[cfg(not(all(target_family = "wasm", not(target_feature = "atomics"))))]
    pub fn valid(&self) -> bool {
        self.thread == std::thread::current().id()
    }

    /// Unwraps the value.
    ///
    /// # Panics
    /// On another thread than the one that wrapped it.
    #[track_caller]
    pub fn take(self) -> T {
        self.check();
        let mut this = ManuallyDrop::new(self);
        // SAFETY: `this` is never dropped, so `data` is taken exactly once.
        unsafe { ManuallyDrop::take(&mut this.data) }
    }

    #[track_caller]
    fn check(&self) {
        if !self.valid() {
            panic!("a SendWrapper's value was used on another thread than its own");
        }
    }
}

// SAFETY: the value is only reached through `check`, which refuses every
// thread but the one that wrapped it (and where there is one thread, there is
// no other to refuse).
unsafe impl<T> Send for SendWrapper<T> {}
// SAFETY: as for `Send`.
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> Deref for SendWrapper<T> {
    type Target = T;

    #[track_caller]
    fn deref(&self) -> &T {
        self.check();
        &self.data
    }
}

impl<T> DerefMut for SendWrapper<T> {
    #[track_caller]
    fn deref_mut(&mut self) -> &mut T {
        self.check();
        &mut self.data
    }
}

impl<T> Drop for SendWrapper<T> {
    #[track_caller]
    fn drop(&mut self) {
        // A value without drop glue can go on any thread.
        if std::mem::needs_drop::<T>() {
            self.check();
        }
        // SAFETY: `data` is dropped here only, and `take` skips this.
        unsafe { ManuallyDrop::drop(&mut self.data) }
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendWrapper").field("data", self.deref()).finish()
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    #[track_caller]
    fn clone(&self) -> Self {
        Self::new(self.deref().clone())
    }
}

#[cfg(feature = "futures")]
mod futures {
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    use futures_core::Stream;

    use super::SendWrapper;

    impl<F: Future> Future for SendWrapper<F> {
        type Output = F::Output;

        #[track_caller]
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            self.check();
            // SAFETY: `data` is never moved out of a pinned wrapper (`take`
            // consumes an unpinned one), so pinning projects to it.
            unsafe { self.map_unchecked_mut(|this| &mut *this.data) }.poll(cx)
        }
    }

    impl<S: Stream> Stream for SendWrapper<S> {
        type Item = S::Item;

        #[track_caller]
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
            self.check();
            // SAFETY: as in `poll`.
            unsafe { self.map_unchecked_mut(|this| &mut *this.data) }.poll_next(cx)
        }

        fn size_hint(&self) -> (usize, Option<usize>) {
            (**self).size_hint()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SendWrapper;

    #[test]
    fn holds_and_gives_back_its_value() {
        let mut wrapped = SendWrapper::new(vec![1, 2]);
        wrapped.push(3);
        assert_eq!(wrapped.clone().take(), vec![1, 2, 3]);
        assert!(wrapped.valid());
    }

    #[test]
    fn refuses_other_threads_where_there_are_threads() {
        let wrapped = SendWrapper::new(String::from("mine"));
        let other = std::thread::spawn(move || {
            let valid = wrapped.valid();
            let used = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| wrapped.len()));
            std::mem::forget(wrapped);
            (valid, used.is_err())
        });
        assert_eq!(other.join().unwrap(), (false, true));
    }
}
