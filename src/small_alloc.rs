//! The wasm build's global allocator: free lists of small blocks in front of the standard
//! allocator (dlmalloc on wasm32-unknown-unknown).
//!
//! Validating a phone number makes about 11 small allocations (the E.164, the formats, the change
//! records) and a malloc + free pair costs ~85 ns in dlmalloc compiled to wasm, a third of the
//! call. Here a block of up to `CLASSES * GRAIN` bytes comes from its size class's free list, or is
//! cut from a chunk taken from the standard allocator, and goes back to that list when freed: a
//! few loads and stores each way. Larger or more aligned blocks go to the standard allocator.
//!
//! Small blocks are never handed back to the standard allocator, so memory once used for one size
//! class serves that class only; the size classes are fine-grained, so a workload that frees
//! many blocks of one size and then allocates another reuses nothing of the first. Single-threaded
//! (wasm32 without the atomics feature: the only build that installs it, see lib.rs).

#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::UnsafeCell;
use std::ptr;

/// Block sizes are multiples of `GRAIN`, up to `CLASSES * GRAIN` bytes.
const GRAIN: usize = 8;
const CLASSES: usize = 32;
/// Bytes taken from the standard allocator when a class's list is empty and the chunk is used up.
const CHUNK: usize = 32 * 1024;

pub struct SmallAlloc {
    state: UnsafeCell<State>,
}

struct State {
    /// Head of each class's free list; a free block holds the address of the next one.
    free: [*mut u8; CLASSES],
    /// What is left of the current chunk.
    next: *mut u8,
    end: *mut u8,
}

// SAFETY: installed only where there is one thread (see the module docs); tests use their own
// instance from one thread.
unsafe impl Sync for SmallAlloc {}

impl SmallAlloc {
    pub const fn new() -> SmallAlloc {
        SmallAlloc { state: UnsafeCell::new(State { free: [ptr::null_mut(); CLASSES], next: ptr::null_mut(), end: ptr::null_mut() }) }
    }
}

/// The size class of a layout, None when the standard allocator takes it.
fn class_of(size: usize, align: usize) -> Option<usize> {
    (align <= GRAIN && size <= CLASSES * GRAIN).then(|| size.max(1).div_ceil(GRAIN) - 1)
}

// Not inlined into the hundreds of places that allocate: that costs ~27 KB of wasm for no
// measurable speed.
unsafe impl GlobalAlloc for SmallAlloc {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = class_of(layout.size(), layout.align()) else {
            return unsafe { System.alloc(layout) };
        };
        // SAFETY: one thread, and no reference into the state outlives this call.
        let s = unsafe { &mut *self.state.get() };
        let head = s.free[c];
        if !head.is_null() {
            // SAFETY: a free block of this class holds the next free block's address.
            s.free[c] = unsafe { head.cast::<*mut u8>().read() };
            return head;
        }
        let size = (c + 1) * GRAIN;
        if (s.end as usize) - (s.next as usize) < size {
            // SAFETY: CHUNK and GRAIN make a valid layout (non-zero size, power-of-two alignment).
            let chunk = unsafe { System.alloc(Layout::from_size_align_unchecked(CHUNK, GRAIN)) };
            if chunk.is_null() {
                return chunk;
            }
            s.next = chunk;
            // SAFETY: one past the end of the chunk just allocated.
            s.end = unsafe { chunk.add(CHUNK) };
        }
        let block = s.next;
        // SAFETY: at most `end`, checked above.
        s.next = unsafe { block.add(size) };
        block
    }

    #[inline(never)]
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        match class_of(layout.size(), layout.align()) {
            None => unsafe { System.dealloc(block, layout) },
            Some(c) => {
                // SAFETY: one thread; the block is at least GRAIN bytes and GRAIN-aligned, room
                // for the link.
                let s = unsafe { &mut *self.state.get() };
                unsafe { block.cast::<*mut u8>().write(s.free[c]) };
                s.free[c] = block;
            }
        }
    }

    #[inline(never)]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (old, new) = (class_of(layout.size(), layout.align()), class_of(new_size, layout.align()));
        match (old, new) {
            (None, None) => unsafe { System.realloc(block, layout, new_size) },
            (Some(a), Some(b)) if a == b => block,
            _ => {
                // SAFETY: the caller guarantees new_size is a valid size for this alignment.
                let moved = unsafe { self.alloc(Layout::from_size_align_unchecked(new_size, layout.align())) };
                if !moved.is_null() {
                    unsafe {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                }
                moved
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random allocations, frees and reallocations of every size around the classes: blocks never
    /// overlap, keep their contents, and are aligned.
    #[test]
    fn blocks_are_disjoint_aligned_and_keep_their_bytes() {
        let a = SmallAlloc::new();
        let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
        let mut rand = crate::test_rand::xorshift(0x2545_f491_4f6c_dd1du64);
        for step in 0..200_000u32 {
            let fill = (step % 251) as u8;
            match rand(3) {
                0 | 1 if live.len() < 2000 => {
                    let align = [1, 2, 4, 8, 16][rand(5)];
                    let layout = Layout::from_size_align(rand(CLASSES * GRAIN + 64) + 1, align).unwrap();
                    let p = unsafe { a.alloc(layout) };
                    assert!(!p.is_null() && p as usize % align == 0);
                    unsafe { ptr::write_bytes(p, fill, layout.size()) };
                    live.push((p, layout, fill));
                }
                0..=2 if !live.is_empty() => {
                    let (p, layout, f) = live.swap_remove(rand(live.len()));
                    assert!(unsafe { std::slice::from_raw_parts(p, layout.size()) }.iter().all(|&b| b == f));
                    if rand(2) == 0 {
                        unsafe { a.dealloc(p, layout) };
                    } else {
                        let size = rand(CLASSES * GRAIN + 64) + 1;
                        let q = unsafe { a.realloc(p, layout, size) };
                        let kept = layout.size().min(size);
                        assert!(unsafe { std::slice::from_raw_parts(q, kept) }.iter().all(|&b| b == f));
                        let layout = Layout::from_size_align(size, layout.align()).unwrap();
                        unsafe { ptr::write_bytes(q, fill, size) };
                        live.push((q, layout, fill));
                    }
                }
                _ => {}
            }
        }
        let mut spans: Vec<(usize, usize)> = live.iter().map(|&(p, l, _)| (p as usize, p as usize + l.size())).collect();
        spans.sort_unstable();
        assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "live blocks overlap");
        for (p, layout, f) in live {
            assert!(unsafe { std::slice::from_raw_parts(p, layout.size()) }.iter().all(|&b| b == f));
            unsafe { a.dealloc(p, layout) };
        }
    }
}
