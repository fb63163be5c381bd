//! Big lookup tables read at random (the entity tagger's weight rows, the sentiment
//! model's weight slots) kept on transparent huge pages where the system offers them.
//!
//! A table of several megabytes read at random misses the TLB on nearly every read with
//! 4 KiB pages (a few thousand pages against a TLB of a few thousand entries shared
//! with everything else), and under a virtual machine each miss is a two-level page
//! walk. Linux backs a `madvise(MADV_HUGEPAGE)` region with 2 MiB pages when its
//! transparent huge pages are `always` or `madvise`; anywhere else (or when the mapping
//! fails) the table is an ordinary vector. The contents are the same either way.

use bytemuck::Pod;
use memmap2::{MmapMut, MmapOptions};

/// Two mebibytes: the size (and alignment) of a huge page.
const HUGE: usize = 2 << 20;

/// A fixed-size table of `T`, zeroed when made.
pub(crate) struct Table<T: Pod> {
    store: Store<T>,
}

/// Where the items live.
enum Store<T> {
    /// An anonymous mapping advised onto huge pages: the items start at `offset` (the
    /// first 2 MiB boundary), `len` of them.
    Mapped {
        map: MmapMut,
        offset: usize,
        len: usize,
    },
    /// An ordinary vector (small tables, or no mapping to be had).
    Heap(Vec<T>),
}

impl<T: Pod> Table<T> {
    /// A table of `len` zeroed items; on huge pages when it is at least one huge page.
    pub(crate) fn zeroed(len: usize) -> Table<T> {
        let bytes = len.saturating_mul(std::mem::size_of::<T>());
        if bytes >= HUGE {
            if let Some(store) = Self::mapped(len, bytes) {
                return Table { store };
            }
        }
        Table {
            store: Store::Heap(vec![T::zeroed(); len]),
        }
    }

    /// A table holding a copy of `items`.
    pub(crate) fn from_slice(items: &[T]) -> Table<T> {
        let mut t = Table::zeroed(items.len());
        t.as_mut_slice().copy_from_slice(items);
        t
    }

    /// An anonymous mapping with room to start at a 2 MiB boundary, advised onto huge
    /// pages (a refused advice leaves ordinary pages: same contents).
    fn mapped(len: usize, bytes: usize) -> Option<Store<T>> {
        let map = MmapOptions::new().len(bytes + HUGE).map_anon().ok()?;
        let _ = map.advise(memmap2::Advice::HugePage);
        let addr = map.as_ptr() as usize;
        let offset = (HUGE - addr % HUGE) % HUGE;
        // the items must be aligned for `T` (a page boundary is)
        let items: &[T] = bytemuck::try_cast_slice(map.get(offset..offset + bytes)?).ok()?;
        (items.len() == len).then_some(Store::Mapped { map, offset, len })
    }

    /// The items.
    #[inline]
    pub(crate) fn as_slice(&self) -> &[T] {
        match &self.store {
            Store::Mapped { map, offset, len } => {
                let bytes = len * std::mem::size_of::<T>();
                bytemuck::cast_slice(&map[*offset..*offset + bytes])
            }
            Store::Heap(v) => v,
        }
    }

    /// The items, to fill in.
    pub(crate) fn as_mut_slice(&mut self) -> &mut [T] {
        match &mut self.store {
            Store::Mapped { map, offset, len } => {
                let bytes = *len * std::mem::size_of::<T>();
                bytemuck::cast_slice_mut(&mut map[*offset..*offset + bytes])
            }
            Store::Heap(v) => v,
        }
    }

    /// True when the table lives in a mapping advised onto huge pages.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn is_mapped(&self) -> bool {
        matches!(self.store, Store::Mapped { .. })
    }
}

impl<T: Pod> Default for Table<T> {
    fn default() -> Self {
        Table {
            store: Store::Heap(Vec::new()),
        }
    }
}

impl<T: Pod> Clone for Table<T> {
    fn clone(&self) -> Self {
        Table::from_slice(self.as_slice())
    }
}

impl<T: Pod + std::fmt::Debug> std::fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("len", &self.as_slice().len())
            .field("mapped", &matches!(self.store, Store::Mapped { .. }))
            .finish()
    }
}

impl<T: Pod + PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_and_small_tables_hold_what_is_written() {
        for len in [10usize, (3 << 20) / 16] {
            let mut t: Table<[i16; 8]> = Table::zeroed(len);
            assert_eq!(t.as_slice().len(), len);
            assert!(t.as_slice().iter().all(|r| *r == [0; 8]));
            t.as_mut_slice()[len - 1][7] = -5;
            t.as_mut_slice()[0][0] = 9;
            let c = t.clone();
            assert_eq!(c.as_slice()[len - 1][7], -5);
            assert_eq!(c.as_slice()[0][0], 9);
            assert_eq!(c, t);
            if len < 1000 {
                assert!(!t.is_mapped(), "a small table stays a vector");
            }
        }
    }
}
