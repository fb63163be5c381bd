//! The features of one target in its sentence: words by position relative to the target,
//! bigrams with the target as `<t>`, the target's own words (all negation-marked), and
//! the dense lexicon features (sentiment words near / far, about this target or about
//! another one, inside quotes, contrast, the rule score). They go to a [`Sink`]: the
//! model's logits at run time, the trainer's feature lists when training.

// Index loops over parallel arrays (tokens, analysis, weights) read better here.
#![allow(clippy::needless_range_loop)]

use super::analysis::{Analysis, NONE};
use super::hashing::{fnv, mix};

/// Names of the dense features, in weight order.
pub(crate) const DENSE: &[&str] = &[
    "bias",
    "own_pos",
    "own_neg",
    "other_pos",
    "other_neg",
    "near_pos",
    "near_neg",
    "mid_pos",
    "mid_neg",
    "far_pos",
    "far_neg",
    "rule",
    "target_in_quote",
    "quote_pos",
    "quote_neg",
    "speaker",
    "sentence_start",
    "pronoun",
    "length",
    "negators",
    "clause_pos",
    "clause_neg",
    "contrast_pos",
    "contrast_neg",
    "agent_pos",
    "agent_neg",
    "patient_pos",
    "patient_neg",
    "pronoun_quote_pos",
    "pronoun_quote_neg",
    "possessive",
    "appos_pos",
    "appos_neg",
    "speaker_pos",
    "speaker_neg",
];

/// Templates of the position features, by distance bucket: left 1, 2–3, 4+ in the
/// target's clause (no boundary between), 4+ beyond a clause boundary, then right.
pub(crate) const POSITIONS: [&str; 8] = ["L1", "L2", "L3", "L4", "R1", "R2", "R3", "R4"];
/// Template of the sentence bag words `S|w`.
pub(crate) const TPL_S: u64 = fnv("S");
/// Template of the bigrams `B|w1 w2`.
pub(crate) const TPL_B: u64 = fnv("B");
/// Template of the target's own words `T|w`.
pub(crate) const TPL_T: u64 = fnv("T");
/// Templates of [`POSITIONS`], hashed.
pub(crate) const TPL_POS: [u64; 8] = [
    fnv("L1"),
    fnv("L2"),
    fnv("L3"),
    fnv("L4"),
    fnv("R1"),
    fnv("R2"),
    fnv("R3"),
    fnv("R4"),
];

/// A possessive `'s` written as its own token (curly apostrophes hash as straight ones).
const H_POSS: u64 = fnv("'s");

/// A comma token.
const H_COMMA: u64 = fnv(",");

/// The target in a bigram (`<t>`).
pub(crate) const H_TARGET: u64 = fnv("<t>");

/// The key of feature `TPL|w`.
pub(crate) fn key1(tpl: u64, h: u64) -> u64 {
    mix(tpl ^ h.rotate_left(23))
}

/// The key of feature `TPL|w1 w2`.
pub(crate) fn key2(tpl: u64, h1: u64, h2: u64) -> u64 {
    mix(mix(tpl ^ h1.rotate_left(23)) ^ h2.rotate_left(31))
}

/// The name of a sparse feature as the model file writes it, with its words as hashes
/// (the trainer turns them back into words; the model never reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FeatureName {
    /// `TPL|w`.
    Word(&'static str, u64),
    /// `TPL|w1 w2`.
    Bigram(&'static str, u64, u64),
}

/// Receives the features of one target.
pub(crate) trait Sink {
    /// A sparse binary feature and its name.
    fn sparse(&mut self, key: u64, name: FeatureName);
    /// The position feature of context token `feat` in distance bucket `bucket` (the
    /// sparse feature `POS|w`, see [`POSITIONS`]).
    fn position(&mut self, bucket: usize, feat: u64) {
        self.sparse(
            key1(TPL_POS[bucket], feat),
            FeatureName::Word(POSITIONS[bucket], feat),
        );
    }
    /// The dense features, once per target.
    fn dense(&mut self, values: &[f32; DENSE.len()]);
    /// The sentence bag of context `[s, e)` around target `[a, b)` (see
    /// [`Analysis::emit_bag`]); a sink may compute it faster.
    fn bag(&mut self, an: &Analysis, s: usize, e: usize, a: usize, b: usize) {
        an.emit_bag(s, e, a, b, self);
    }
}

/// The running sums of [`Analysis::features`] over the context tokens.
struct Step {
    dense: [f32; DENSE.len()],
    rule: f32,
    negators: u32,
    /// The target's clause, as a token range.
    clause: (usize, usize),
    /// End of the clause set off by a comma right after the target (the target's end
    /// when there is none).
    appos_end: usize,
}

impl Analysis {
    /// Extracts the features of target tokens `[a, b)` into `sink`; returns the rule score.
    pub(crate) fn features<S: Sink>(&self, a: usize, b: usize, sink: &mut S) -> f32 {
        let mut dense = [0.0f32; DENSE.len()];
        dense[0] = 1.0;
        let n = self.toks.len();
        if a >= b || b > n {
            sink.dense(&dense);
            return 0.0;
        }
        let (s, e) = self.context(a, b);
        sink.bag(self, s, e, a, b);
        // the clause set off by a comma right after the target: up to the next boundary
        let appos = b < e && self.toks[b].boundary && self.toks[b].hash == H_COMMA;
        let appos_end = if appos {
            (b + 1..e.min(b + 16))
                .find(|&j| self.toks[j].boundary)
                .unwrap_or(e.min(b + 16))
        } else {
            b
        };
        // the target's clause: the tokens between the nearest boundaries either side
        let mut clause_start = a;
        while clause_start > s && !self.toks[clause_start - 1].boundary {
            clause_start -= 1;
        }
        let mut clause_end = b;
        while clause_end < e && !self.toks[clause_end].boundary {
            clause_end += 1;
        }
        // the context left of the target, then right of it, in token order: two loops
        // over one inlined step, each knowing its side (cheaper per token than one loop
        // that jumps over the target)
        let mut st = Step {
            dense,
            rule: 0.0,
            negators: 0,
            clause: (clause_start, clause_end),
            appos_end,
        };
        for i in s..a {
            self.step(&mut st, sink, i, (a, b), 0, a - i);
        }
        for i in b..e {
            self.step(&mut st, sink, i, (a, b), 4, i + 1 - b);
        }
        let Step {
            mut dense,
            rule,
            negators,
            ..
        } = st;
        let rule = (rule / 2.0).tanh();
        dense[11] = rule;
        dense[12] = self.toks[a].quote as u8 as f32;
        dense[15] = self.is_speaker(a, b, s, e) as u8 as f32;
        dense[16] = (a == s) as u8 as f32;
        // a speaker's own words are mostly about someone else: the tone of the words
        // near the speaker, apart from the words about the speaker
        if dense[15] > 0.0 {
            dense[33] = dense[1];
            dense[34] = dense[2];
        }
        dense[17] = (b == a + 1 && self.toks[a].pronoun) as u8 as f32;
        // praise of a pronoun target inside a quote (`"He has done a great job"`)
        if dense[17] > 0.0 && self.toks[a].quote {
            dense[28] = dense[13];
            dense[29] = dense[14];
        }
        // possessive and role framing: `<t>'s failure`
        dense[30] = (self.toks[b - 1].poss > 0
            || self.toks.get(b).is_some_and(|t| t.hash == H_POSS && b < e))
            as u8 as f32;
        dense[18] = ((e - s) as f32).ln_1p() / 4.0;
        dense[19] = negators as f32;
        for i in a..b {
            let h = self.toks[i].hash;
            sink.sparse(key1(TPL_T, h), FeatureName::Word("T", h));
        }
        sink.dense(&dense);
        rule
    }

    /// One context token `i` of target `[a, b)` on side `side` (0 left, 4 right) at
    /// distance `d`: its position feature, and its share of the dense features and the
    /// rule score when it is a sentiment word.
    #[inline(always)]
    fn step<S: Sink>(
        &self,
        st: &mut Step,
        sink: &mut S,
        i: usize,
        (a, b): (usize, usize),
        side: usize,
        d: usize,
    ) {
        let t = &self.toks[i];
        st.negators += t.negator as u32;
        // 1, 2–3, 4–7 inside the target's clause, then 8+ or beyond a boundary
        let bucket = side
            + match d {
                1 => 0,
                2..=3 => 1,
                4..=7 if i >= st.clause.0 && i < st.clause.1 => 2,
                _ => 3,
            };
        sink.position(bucket, t.feat);
        if t.pol == 0.0 {
            return;
        }
        // sentiment word: about this target or another one?
        let other = self.other_distance(i, a, b);
        let own = d <= other;
        // contrast: the clause after `but` weighs 1.5, the conceded one before it 0.5
        // (as `modifiers.tsv` says), wherever the target is: praise conceded in the
        // target's own clause must not outweigh blame after the `but` (a target-relative
        // 0.8 / 1.2 let a teacher-trained model's proximity weights carry it across)
        let cw = match t.contrast {
            NONE => 1.0,
            c if i >= c as usize => 1.5,
            _ => 0.5,
        };
        let weight = t.weight * cw;
        let v = t.pol / 3.0 * weight;
        let (p, q) = if v > 0.0 { (v, 0.0) } else { (0.0, -v) };
        let slot = |base: usize, dense: &mut [f32; DENSE.len()]| {
            dense[base] += p;
            dense[base + 1] += q;
        };
        slot(if own { 1 } else { 3 }, &mut st.dense);
        slot(
            match d {
                0..=3 => 5,
                4..=8 => 7,
                _ => 9,
            },
            &mut st.dense,
        );
        if t.quote {
            slot(13, &mut st.dense);
        }
        let same_clause = !self.boundary_between(i, a, b);
        if same_clause {
            slot(20, &mut st.dense);
            // implicit praise and blame: `<t> praised Y` (the target acts; the
            // sentiment is about Y) against `Y praised <t>` (it is about the target)
            if d <= 3 && i >= b {
                let r = self.right_name.get(i + 1).copied().unwrap_or(NONE);
                if r != NONE && r as usize <= i + 4 {
                    slot(24, &mut st.dense);
                }
            } else if d <= 3 {
                slot(26, &mut st.dense);
            }
        }
        if weight > 1.0 {
            slot(22, &mut st.dense);
        }
        // role framing: an apposition or relative clause right after the target
        // (`X, a convicted fraudster, …`, `X, who was praised for …`)
        if i > b && i < st.appos_end {
            slot(31, &mut st.dense);
        }
        let dw = 1.0 / (1.0 + (d as f32 - 1.0) / 4.0);
        let ow = if own { 1.0 } else { 0.3 };
        st.rule += t.pol * weight * dw * ow;
    }

    /// The sentence bag: `S|w` for every word outside the target and `B|w1 w2` bigrams
    /// over the sentence with the target collapsed to `<t>`.
    pub(crate) fn emit_bag<S: Sink + ?Sized>(
        &self,
        s: usize,
        e: usize,
        a: usize,
        b: usize,
        sink: &mut S,
    ) {
        self.walk_bag(s, e, a, b, |i, prev, h| {
            if let Some(p) = prev {
                sink.sparse(key2(TPL_B, p, h), FeatureName::Bigram("B", p, h));
            }
            if i != a {
                sink.sparse(key1(TPL_S, h), FeatureName::Word("S", h));
            }
        });
    }

    /// Walks the sentence bag of context `[s, e)` around target `[a, b)`: calls `f` with
    /// each token `i` outside the target (the target's first token stands for it, as
    /// `<t>`), the feature hash before it (`None` at the start) and its own.
    #[inline]
    pub(crate) fn walk_bag(
        &self,
        s: usize,
        e: usize,
        a: usize,
        b: usize,
        mut f: impl FnMut(usize, Option<u64>, u64),
    ) {
        let mut prev = None;
        for i in s..e {
            if i > a && i < b {
                continue;
            }
            let h = if i == a { H_TARGET } else { self.toks[i].feat };
            f(i, prev, h);
            prev = Some(h);
        }
    }

    /// Distance from token `i` to the nearest candidate entity outside `[a, b)` in its
    /// sentence, `usize::MAX` when there is none.
    /// A pronoun may refer to a named target, so it competes only with pronoun targets.
    fn other_distance(&self, i: usize, a: usize, b: usize) -> usize {
        let pronoun_target = b == a + 1 && self.toks[a].pronoun;
        let (left, right) = if pronoun_target {
            (&self.left_ent, &self.right_ent)
        } else {
            (&self.left_name, &self.right_name)
        };
        let mut best = usize::MAX;
        let l = left[i];
        if l != NONE {
            let l = l as usize;
            let l = if l >= a && l < b {
                a.checked_sub(1).map_or(NONE, |x| left[x]) as usize
            } else {
                l
            };
            if l != NONE as usize && l <= i {
                best = best.min(i - l);
            }
        }
        let r = right[i];
        if r != NONE {
            let r = r as usize;
            let r = if r >= a && r < b {
                right.get(b).map_or(NONE, |x| *x) as usize
            } else {
                r
            };
            if r != NONE as usize && r >= i {
                best = best.min(r - i);
            }
        }
        best
    }

    /// True when a clause boundary lies between token `i` and the target.
    fn boundary_between(&self, i: usize, a: usize, b: usize) -> bool {
        let (x, y) = if i < a { (i + 1, a) } else { (b, i) };
        // bounded scan: far words count as across a boundary
        if y.saturating_sub(x) > 12 {
            return true;
        }
        (x..y).any(|j| self.toks[j].boundary)
    }

    /// True when the target is the speaker of a reporting clause (`X said`, `said X`,
    /// `according to X`).
    fn is_speaker(&self, a: usize, b: usize, s: usize, e: usize) -> bool {
        let after = (b..e.min(b + 3)).any(|j| self.toks[j].speech);
        let before = (s.max(a.saturating_sub(2))..a).any(|j| self.toks[j].speech);
        after || before
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::sentiment::lexicon::Lexicon;
    use crate::tokens::TokenStage;
    use pipeline_core::{Document, SyncStage};

    /// The dense features of the target `word` (its first occurrence) in `text`.
    fn dense(text: &str, word: &str) -> [f32; DENSE.len()] {
        struct D([f32; DENSE.len()]);
        impl Sink for D {
            fn sparse(&mut self, _key: u64, _name: FeatureName) {}
            fn dense(&mut self, values: &[f32; DENSE.len()]) {
                self.0 = *values;
            }
        }
        let mut doc = Document::new("t", text);
        TokenStage::default().apply(&mut doc).unwrap();
        let tokens = doc.tokens().unwrap();
        let an = Analysis::new(text, tokens, doc.sentences().unwrap(), Lexicon::builtin());
        let start = text.find(word).unwrap();
        let span = pipeline_core::Span::new(text, start, start + word.len()).unwrap();
        let (a, b) = an.token_range_in(tokens, span).unwrap();
        let mut d = D([0.0; DENSE.len()]);
        an.features(a, b, &mut d);
        d.0
    }

    fn get(d: &[f32; DENSE.len()], name: &str) -> f32 {
        d[DENSE.iter().position(|n| *n == name).unwrap()]
    }

    #[test]
    fn the_agent_and_the_patient_of_praise_differ() {
        let text = "Okafor praised Lindqvist on Tuesday.";
        let agent = dense(text, "Okafor");
        let patient = dense(text, "Lindqvist");
        assert!(get(&agent, "agent_pos") > 0.0, "{agent:?}");
        assert_eq!(get(&agent, "patient_pos"), 0.0);
        assert!(get(&patient, "patient_pos") > 0.0, "{patient:?}");
        assert_eq!(get(&patient, "agent_pos"), 0.0);
        let blame = dense("Okafor blamed Lindqvist for the disaster.", "Okafor");
        assert!(get(&blame, "agent_neg") > 0.0, "{blame:?}");
    }

    #[test]
    fn possessive_and_quoted_pronoun_targets() {
        let d = dense("Haldane's plan was a failure.", "Haldane");
        assert_eq!(get(&d, "possessive"), 1.0);
        let d = dense("Haldane spoke about the plan.", "Haldane");
        assert_eq!(get(&d, "possessive"), 0.0);
        let text = "\u{201c}He has done a wonderful job,\u{201d} Moreau said.";
        let d = dense(text, "He");
        assert!(get(&d, "pronoun_quote_pos") > 0.0, "{d:?}");
        assert_eq!(get(&d, "pronoun_quote_neg"), 0.0);
        let d = dense("He has done a wonderful job, Moreau said.", "He");
        assert_eq!(get(&d, "pronoun_quote_pos"), 0.0);
    }

    #[test]
    fn apposition_and_speaker_features() {
        let d = dense("Haldane, a corrupt official, spoke on Tuesday.", "Haldane");
        assert!(get(&d, "appos_neg") > 0.0, "{d:?}");
        assert_eq!(get(&d, "appos_pos"), 0.0);
        let d = dense(
            "Haldane spoke on Tuesday about a corrupt official.",
            "Haldane",
        );
        assert_eq!(get(&d, "appos_neg"), 0.0, "{d:?}");
        let d = dense("Moreau said the plan was a terrible failure.", "Moreau");
        assert!(get(&d, "speaker_neg") > 0.0, "{d:?}");
        let d = dense("Moreau's plan was a terrible failure.", "Moreau");
        assert_eq!(get(&d, "speaker_neg"), 0.0, "{d:?}");
    }
}
