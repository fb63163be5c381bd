//! Resolving people's names, the part the quotes and sentiment stages share: a document's
//! names indexed by their last word ([`NameIndex`]), "the fullest name that ends with
//! this one" ([`NameIndex::ending_with`] + [`NameIndex::fullest`]) and "the latest
//! mention before token `k`" ([`latest_before`]).
//!
//! Each stage brings its own data: its word keys (`quotes`: lowercased words as
//! `String`; `sentiment`: word hashes as `u64`), its title lists and predicates, and the
//! token position it records for a mention (`quotes`: the last token of the name;
//! `sentiment`: the first). The contracts:
//!
//! - [`NameIndex::push`] gives names ids in the order they are pushed (the caller keeps
//!   them distinct); [`NameIndex::with_last`] lists the ids whose last word is a key,
//!   increasing.
//! - [`NameIndex::ending_with`]`(key, max_dropped)`: the ids, increasing, of the names
//!   whose words end with `key` (the name itself included), dropping at most
//!   `max_dropped` leading words (`None`: any number). `quotes` looks a speaker up with
//!   `None`; `sentiment` merges a name into a longer one with `Some(5)` (a name at most
//!   five words longer: the cap its own suffix map had, `min(6)` suffixes a name).
//! - [`NameIndex::fullest`]: of some ids, the one with the most words, ties to the
//!   earliest id (the name seen first). Both stages break ties this way.
//! - [`latest_before`]: in a list sorted by position, the last entry strictly before a
//!   position (`quotes`: a person's latest mention before a speaker, the latest full name
//!   before a pronoun; `sentiment`: the nearest full mention before a surname, the latest
//!   person before a pronoun).
//!
//! What stays in each stage, because the two policies differ and the output must not
//! change:
//!
//! - **Titles.** `quotes` starts the name past the *last* title of a run (the word
//!   `General` unabbreviated excepted) and past the office words and connectors after it
//!   (`Adviser to the Prime Minister on Foreign Affairs Sartaj Aziz` → `Sartaj Aziz`),
//!   and remembers the titles to prefer a namesake with the same one. `sentiment` strips
//!   titles and stop words from the *front* of a run, then starts the name past the last
//!   honorific inside it, and keeps no titles. In `“Peace is near,” Army chief General
//!   Raheel Sharif said.` the speaker is `General Raheel Sharif` for `quotes` and the
//!   actor `Raheel Sharif` for `sentiment`.
//! - **A surname alone.** `quotes`: among the full names ending with it (those that
//!   carried the same title first), the one mentioned last before, else the longest,
//!   ties to the *latest*. `sentiment`: the person of the nearest full mention before
//!   with that surname, else of the *first* such mention in the text, else the first
//!   person with that surname. In `“We will win,” Sharif said. Nawaz Sharif met Raheel
//!   Sharif later in Lahore.` the speaker `Sharif` is Raheel Sharif for `quotes` and
//!   the actor Nawaz Sharif for `sentiment`.
//! - **Pronouns.** `quotes` takes the last person *speaker* first and the latest full
//!   name only when there is none; `sentiment` takes the latest person mention, within
//!   two sentences.
//!
//! `stages/tests/name_policies.rs` runs the examples above through the default chain.

use std::borrow::Borrow;
use std::cmp::Reverse;
use std::hash::Hash;

use rustc_hash::FxHashMap;

/// The names of a document, each a sequence of word keys, in the order they were pushed
/// (a name's id is its position), indexed by their last word.
///
/// ```
/// use stages::text::NameIndex;
///
/// let mut names = NameIndex::default();
/// let short = names.push(vec!["hilal", "hussain"]);
/// let long = names.push(vec!["mian", "hilal", "hussain"]);
/// let key = ["hilal", "hussain"];
/// assert_eq!(names.fullest(names.ending_with::<_, &str>(&key, None)), Some(long));
/// assert_eq!(names.fullest(names.ending_with::<_, &str>(&key, Some(0))), Some(short));
/// ```
#[derive(Debug, Clone)]
pub struct NameIndex<K> {
    names: Vec<Vec<K>>,
    by_last: FxHashMap<K, Vec<usize>>,
}

impl<K> Default for NameIndex<K> {
    fn default() -> Self {
        NameIndex {
            names: Vec::new(),
            by_last: FxHashMap::default(),
        }
    }
}

impl<K: Eq + Hash + Clone> NameIndex<K> {
    /// An empty index with room for `n` names.
    pub fn with_capacity(n: usize) -> Self {
        NameIndex {
            names: Vec::with_capacity(n),
            by_last: FxHashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    /// Adds a name and returns its id (the number of names before it). Names are not
    /// deduplicated: the caller keeps them distinct.
    pub fn push(&mut self, words: Vec<K>) -> usize {
        let id = self.names.len();
        if let Some(last) = words.last() {
            self.by_last.entry(last.clone()).or_default().push(id);
        }
        self.names.push(words);
        id
    }

    /// The words of name `id` (empty past the end).
    pub fn words(&self, id: usize) -> &[K] {
        self.names.get(id).map_or(&[], Vec::as_slice)
    }

    /// The number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there is no name.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The ids of the names whose last word is `last`, increasing.
    pub fn with_last<Q>(&self, last: &Q) -> &[usize]
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.by_last.get(last).map_or(&[], Vec::as_slice)
    }

    /// The ids, increasing, of the names whose words end with `key` (a name equal to
    /// `key` included), with at most `max_dropped` words before the key (`None`: any
    /// number). Words are compared as `Q` (`str` for `String` keys). An empty key ends no
    /// name.
    pub fn ending_with<'a, W, Q>(
        &'a self,
        key: &'a [W],
        max_dropped: Option<usize>,
    ) -> impl Iterator<Item = usize> + 'a
    where
        K: Borrow<Q>,
        W: Borrow<Q>,
        Q: Hash + Eq + ?Sized + 'a,
    {
        let ids = key
            .last()
            .map_or(&[][..], |last| self.with_last(last.borrow()));
        ids.iter().copied().filter(move |&id| {
            let words = self.words(id);
            let Some(dropped) = words.len().checked_sub(key.len()) else {
                return false;
            };
            max_dropped.map_or(true, |m| dropped <= m)
                && words[dropped..]
                    .iter()
                    .zip(key)
                    .all(|(w, k)| w.borrow() == k.borrow())
        })
    }

    /// Of the names `ids`, the one with the most words, ties to the earliest id.
    pub fn fullest(&self, ids: impl IntoIterator<Item = usize>) -> Option<usize> {
        ids.into_iter()
            .max_by_key(|&id| (self.words(id).len(), Reverse(id)))
    }
}

/// In `sorted`, ordered by `position`, the last entry whose position is strictly before
/// `pos`.
///
/// ```
/// let mentions = [(3, "a"), (8, "b"), (8, "c"), (12, "d")];
/// let at = |m: &(usize, &str)| m.0;
/// assert_eq!(stages::text::latest_before(&mentions, 9, at), Some(&(8, "c")));
/// assert_eq!(stages::text::latest_before(&mentions, 8, at), Some(&(3, "a")));
/// assert_eq!(stages::text::latest_before(&mentions, 3, at), None);
/// ```
pub fn latest_before<T>(sorted: &[T], pos: usize, position: impl Fn(&T) -> usize) -> Option<&T> {
    let i = sorted.partition_point(|x| position(x) < pos);
    i.checked_sub(1).and_then(|i| sorted.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index(names: &[&str]) -> NameIndex<String> {
        let mut idx = NameIndex::default();
        for n in names {
            idx.push(n.split(' ').map(str::to_owned).collect());
        }
        idx
    }

    fn fullest(idx: &NameIndex<String>, key: &str, max_dropped: Option<usize>) -> Option<usize> {
        let key: Vec<&str> = key.split(' ').collect();
        idx.fullest(idx.ending_with::<_, str>(&key, max_dropped))
    }

    #[test]
    fn a_tail_resolves_to_the_longest_name_ending_with_it() {
        let idx = index(&["hilal hussain", "mian hilal hussain", "hussain"]);
        assert_eq!(fullest(&idx, "hilal hussain", None), Some(1));
        assert_eq!(fullest(&idx, "hussain", None), Some(1));
        assert_eq!(fullest(&idx, "mian hilal hussain", None), Some(1));
        assert_eq!(fullest(&idx, "raheel hussain", None), None);
        assert_eq!(fullest(&idx, "hilal", None), None);
    }

    #[test]
    fn equally_long_names_tie_to_the_first_pushed() {
        let idx = index(&["nawaz sharif", "raheel sharif", "sharif"]);
        assert_eq!(fullest(&idx, "sharif", None), Some(0));
        let ids: Vec<usize> = idx.ending_with::<_, str>(&["sharif"], None).collect();
        assert_eq!(ids, [0, 1, 2]);
    }

    #[test]
    fn max_dropped_caps_the_words_before_the_key() {
        let idx = index(&["a b c d e f g h", "g h"]);
        assert_eq!(fullest(&idx, "g h", Some(5)), Some(1));
        assert_eq!(fullest(&idx, "g h", Some(6)), Some(0));
        assert_eq!(fullest(&idx, "g h", None), Some(0));
        assert_eq!(fullest(&idx, "c d e f g h", Some(2)), Some(0));
        assert_eq!(fullest(&idx, "c d e f g h", Some(1)), None);
    }

    #[test]
    fn an_empty_key_ends_no_name() {
        let idx = index(&["a b"]);
        let empty: [&str; 0] = [];
        assert_eq!(idx.ending_with::<_, str>(&empty, None).count(), 0);
        assert_eq!(idx.words(7), [] as [String; 0]);
        assert_eq!((idx.len(), idx.is_empty()), (1, false));
    }

    #[test]
    fn hashed_keys_work_like_strings() {
        let mut idx: NameIndex<u64> = NameIndex::default();
        idx.push(vec![2, 3]);
        idx.push(vec![1, 2, 3]);
        assert_eq!(idx.with_last(&3), [0, 1]);
        assert_eq!(
            idx.fullest(idx.ending_with::<_, u64>(&[2, 3], None)),
            Some(1)
        );
        assert_eq!(idx.with_last(&2), [] as [usize; 0]);
    }

    #[test]
    fn latest_before_is_strictly_before() {
        let sorted = [1, 4, 4, 9];
        assert_eq!(latest_before(&sorted, 0, |&x| x), None);
        assert_eq!(latest_before(&sorted, 1, |&x| x), None);
        assert_eq!(latest_before(&sorted, 2, |&x| x), Some(&1));
        assert_eq!(latest_before(&sorted, 5, |&x| x), Some(&4));
        assert_eq!(latest_before(&sorted, 100, |&x| x), Some(&9));
        assert_eq!(latest_before(&[] as &[usize], 100, |&x| x), None);
    }

    proptest! {
        /// The fullest name ending with a key ends with it, and no name ending with it
        /// (within `max_dropped`) is longer or as long and earlier.
        #[test]
        fn fullest_ends_with_the_key_and_none_is_longer(
            names in prop::collection::vec(prop::collection::vec(0u8..4, 1..6), 0..12),
            key in prop::collection::vec(0u8..4, 0..4),
            max_dropped in prop::option::of(0usize..4),
        ) {
            let mut idx = NameIndex::default();
            for n in &names {
                idx.push(n.clone());
            }
            let ends = |n: &[u8]| {
                !key.is_empty()
                    && n.ends_with(&key)
                    && max_dropped.map_or(true, |m| n.len() - key.len() <= m)
            };
            let expected: Vec<usize> = (0..names.len()).filter(|&i| ends(&names[i])).collect();
            let got: Vec<usize> = idx.ending_with::<_, u8>(&key, max_dropped).collect();
            prop_assert_eq!(&got, &expected);
            match idx.fullest(got) {
                Some(f) => {
                    prop_assert!(ends(&names[f]));
                    for &i in &expected {
                        prop_assert!(
                            names[i].len() < names[f].len()
                                || names[i].len() == names[f].len() && i >= f
                        );
                    }
                }
                None => prop_assert!(expected.is_empty()),
            }
        }

        /// `latest_before` agrees with a linear scan.
        #[test]
        fn latest_before_agrees_with_a_scan(
            mut sorted in prop::collection::vec(0usize..20, 0..10),
            pos in 0usize..22,
        ) {
            sorted.sort_unstable();
            let scan = sorted.iter().rev().find(|&&x| x < pos);
            prop_assert_eq!(latest_before(&sorted, pos, |&x| x), scan);
        }
    }
}
