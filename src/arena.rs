//! The wasm build's global allocator: a bump arena for the pure part of
//! one call into the core, backed by talc (lol_alloc in the size build)
//! (wasm32 only).
//!
//! A validation allocates a string per key and per value and a vector per
//! object, then frees them all at the end of the call. Inside
//! [`Arena::scope`], allocations come from one contiguous block by bumping
//! a pointer, and freeing only counts; the block is rewound once nothing in
//! it is alive. If something allocated in a scope outlives it (the result
//! text does, until it has been handed to JavaScript), the block is simply
//! rewound later, when that is freed too: never unsafe, at worst less
//! memory reused. What does not fit in the block goes to the backing
//! allocator, and the next scope gets a block big enough (up to
//! [`MAX_BLOCK`]).

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

/// Smallest and largest arena block.
const MIN_BLOCK: usize = 256 * 1024;
const MAX_BLOCK: usize = 64 * 1024 * 1024;

struct State {
    /// The block: `[base, end)`, bump pointer `top`.
    base: usize,
    end: usize,
    top: usize,
    /// Allocations in the block not yet freed.
    live: usize,
    /// Whether a scope is running.
    active: bool,
    /// Bytes the running scope asked for that the block could not give.
    missed: usize,
    /// Whether something in the block was forgotten ([`Arena::may_forget`]):
    /// the block is rewound when the scope's result is gone ([`Arena::rewind`]).
    forgot: bool,
}

/// What serves the allocations outside the block: talc, or in the size
/// build (browsers) lol_alloc's free list, which is smaller. Outside the
/// block a call allocates little (the input's or the form's text, the
/// options, the block itself), so the free list stays short: a form of
/// 10,000 fields took 5.5x as long while its fields were read outside.
#[cfg(not(trillet_size_build))]
type Backing = talc::wasm::WasmDynamicTalc;
#[cfg(trillet_size_build)]
type Backing = lol_alloc::FreeListAllocator;

#[cfg(not(trillet_size_build))]
const fn backing() -> Backing {
    talc::wasm::new_wasm_dynamic_allocator()
}
#[cfg(trillet_size_build)]
const fn backing() -> Backing {
    lol_alloc::FreeListAllocator::new()
}

pub struct Arena {
    backing: Backing,
    state: UnsafeCell<State>,
}

// wasm32 without atomics: one thread.
unsafe impl Sync for Arena {}

/// The wasm build's allocator (the scope is opened by the wasm layer's
/// `pure`, for the part of a call that makes no JS call).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
pub(crate) static ALLOC: Arena = Arena::new();

impl Arena {
    pub const fn new() -> Self {
        Arena {
            backing: backing(),
            state: UnsafeCell::new(State {
                base: 0,
                end: 0,
                top: 0,
                live: 0,
                active: false,
                missed: 0,
                forgot: false,
            }),
        }
    }

    #[allow(clippy::mut_from_ref)]
    fn state(&self) -> &mut State {
        // Single-threaded, and no method below calls back into itself
        // while it holds the reference.
        unsafe { &mut *self.state.get() }
    }

    /// Runs `f` with allocations taken from the arena.
    pub fn scope<R>(&self, f: impl FnOnce() -> R) -> R {
        let s = self.state();
        if s.live == 0 {
            let want = if s.missed > 0 {
                (s.end - s.base + s.missed)
                    .saturating_mul(2)
                    .clamp(MIN_BLOCK, MAX_BLOCK)
            } else {
                MIN_BLOCK
            };
            if s.end - s.base < want {
                self.replace_block(want);
            }
            let s = self.state();
            s.top = s.base;
        }
        let s = self.state();
        s.active = true;
        s.missed = 0;
        let r = f();
        self.state().active = false;
        r
    }

    /// Whether a tree made in the running scope may be forgotten instead of
    /// dropped ([`crate::value::discard`]): when all of it is in the block,
    /// whose frees only count, and [`Arena::rewind`] then takes it back at
    /// once. What the block could not hold went to the backing allocator: then it
    /// is dropped.
    pub fn may_forget(&self) -> bool {
        let s = self.state();
        let may = s.active && s.missed == 0;
        s.forgot |= may;
        may
    }

    /// After a scope whose every other allocation has been freed: takes
    /// the block back, with what was forgotten (nothing else
    /// is alive there).
    pub fn rewind(&self) {
        let s = self.state();
        if !s.active && (s.forgot || s.live == 0) {
            s.forgot = false;
            s.live = 0;
            s.top = s.base;
        }
    }

    /// Bytes of the block in use (tests: 0 between calls once rewound).
    pub fn in_use(&self) -> usize {
        let s = self.state();
        s.top - s.base
    }

    /// Swaps the (empty) block for a bigger one from the backing allocator.
    fn replace_block(&self, size: usize) {
        let s = self.state();
        let align = 16;
        unsafe {
            if s.end > s.base {
                let old = Layout::from_size_align_unchecked(s.end - s.base, align);
                self.backing.dealloc(s.base as *mut u8, old);
            }
            let p = self
                .backing
                .alloc(Layout::from_size_align_unchecked(size, align)) as usize;
            let s = self.state();
            if p == 0 {
                s.base = 0;
                s.end = 0;
            } else {
                s.base = p;
                s.end = p + size;
            }
            s.top = s.base;
        }
    }

    fn owns(s: &State, p: usize) -> bool {
        p >= s.base && p < s.end
    }

    /// A bump allocation, or None when it does not fit.
    fn bump(s: &mut State, layout: Layout) -> Option<*mut u8> {
        if !s.active {
            return None;
        }
        let start = (s.top + layout.align() - 1) & !(layout.align() - 1);
        match start.checked_add(layout.size()) {
            Some(stop) if stop <= s.end => {
                s.top = stop;
                s.live += 1;
                Some(start as *mut u8)
            }
            _ => {
                s.missed = s.missed.saturating_add(layout.size());
                None
            }
        }
    }
}

impl Default for Arena {
    fn default() -> Self {
        Self::new()
    }
}

unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if let Some(p) = Self::bump(self.state(), layout) {
            return p;
        }
        self.backing.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let s = self.state();
        let p = ptr as usize;
        if Self::owns(s, p) {
            s.live = s.live.saturating_sub(1);
            // The last allocation gives its bytes back at once.
            if s.active && p + layout.size() == s.top {
                s.top = p;
            }
            return;
        }
        self.backing.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let s = self.state();
        let p = ptr as usize;
        if !Self::owns(s, p) {
            return self.backing.realloc(ptr, layout, new_size);
        }
        // The last allocation grows (or shrinks) in place.
        if p + layout.size() == s.top {
            if let Some(stop) = p.checked_add(new_size) {
                if s.active && stop <= s.end {
                    s.top = stop;
                    return ptr;
                }
            }
        }
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        let q = self.alloc(new_layout);
        if !q.is_null() {
            core::ptr::copy_nonoverlapping(ptr, q, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        q
    }
}
