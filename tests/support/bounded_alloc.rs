//! A global allocator for test binaries that refuses any single allocation a wasm32 page could not
//! make, so that a length read from untrusted input which sizes an allocation aborts the test natively
//! as it would abort the browser app. A test binary opts in with
//! `#[path = "support/bounded_alloc.rs"] mod bounded_alloc;`.

use std::alloc::{GlobalAlloc, Layout, System};

use vientiane_vision_atlas::model::stored::MAX_STORED_JSON_BYTES;

/// Larger than anything a stored value may hold (the 64 MiB JSON limit plus its own copy), far
/// below the gigabytes a damaged length could ask for.
pub const LIMIT: usize = MAX_STORED_JSON_BYTES * 2;

struct Bounded;

// SAFETY: every call is passed to the system allocator unchanged, except that a request above LIMIT
// fails (returns null), which is what `GlobalAlloc` allows any allocator to do.
unsafe impl GlobalAlloc for Bounded {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.size() > LIMIT {
            return std::ptr::null_mut();
        }
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > LIMIT {
            return std::ptr::null_mut();
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Bounded = Bounded;
