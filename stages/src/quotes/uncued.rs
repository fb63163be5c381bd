//! Uncued quotations (`QuoteLanguage::uncued_quotations`, German): a long quotation in
//! double marks that no pass attributed is still a direct quote. The newspapers of the
//! German corpora quote whole letters, speeches, decrees and other papers' articles
//! between „ “ with the source named sentences before, or not at all; a quotation of
//! [`MIN_WORDS`] words or more is such a document far more often than a title or a
//! scare quote (those are one to three words).
//!
//! Its speaker is the name of a speaker label right before it, as in a dialogue printed
//! like a play (`Karl. „Mir scheint …“`); else it has none.

use super::analysis::{Analyzer, Mention, MentionKind};
use super::lexicon::class;
use pipeline_core::QuoteKind;

/// The fewest words an uncued quotation needs to count as a quote.
const MIN_WORDS: usize = 8;

impl Analyzer<'_> {
    /// The pass: every quotation in double marks still without an attribution, not
    /// nested in another one, of [`MIN_WORDS`] words or more.
    pub(super) fn uncued_quotations(&mut self) {
        if !self.lex.uncued_quotations {
            return;
        }
        for qi in 0..self.quotes.len() {
            let q = self.quotes[qi];
            if self.quote_done[qi] || q.dash || !q.double || self.in_quote(q.open) {
                continue;
            }
            let words = (q.open + 1..q.close)
                .filter(|&k| self.tokens[k].word)
                .take(MIN_WORDS)
                .count();
            if words < MIN_WORDS {
                continue;
            }
            let label = self.speaker_label_before(q.open);
            self.push_quote(qi, QuoteKind::Direct, label, None, 0.4);
        }
    }

    /// `Rudolph. „…“`: a capitalised word alone in its sentence right before the opening
    /// mark at `open`, after the end of the sentence before it (a full stop or a closing
    /// quotation mark).
    fn speaker_label_before(&self, open: usize) -> Option<Mention> {
        let dot = open.checked_sub(1)?;
        let name = dot.checked_sub(1)?;
        let before = name.checked_sub(1)?;
        let tk = self.tokens[name];
        let ends = matches!(self.punct(before), '.' | '!' | '?' | '“' | '"' | '«');
        let named = tk.word && tk.cap && !tk.number && tk.classes & class::STOP == 0;
        (self.punct(dot) == '.' && ends && named && !self.in_quote(name)).then(|| Mention {
            start: name,
            end: name + 1,
            kind: if tk.classes & class::PRON != 0 {
                MentionKind::Pron
            } else {
                MentionKind::Name
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::languages::testing::check;
    use pipeline_core::QuoteKind::Direct;

    #[test]
    fn a_long_quotation_without_a_cue_is_a_quote_without_a_speaker() {
        check(
            "Die Lage am Hafen war ernst. „Die Schiffe liegen seit Wochen fest, und niemand weiß, wann sie auslaufen dürfen.“ Der Hafenmeister schwieg.",
            "de",
            &[(
                Direct,
                "Die Schiffe liegen seit Wochen fest, und niemand weiß, wann sie auslaufen dürfen.",
                None,
            )],
        );
    }

    #[test]
    fn a_short_quotation_without_a_cue_stays_out() {
        check(
            "Das Stück „Der Sturm auf die Mühle“ wurde gestern gegeben.",
            "de",
            &[],
        );
    }

    #[test]
    fn a_speaker_label_names_the_speaker_of_a_quotation() {
        check(
            "Wir standen am Ufer. Konrad. „Ich sehe dort drüben ein Boot, das langsam näher an unser Ufer kommt.“",
            "de",
            &[(
                Direct,
                "Ich sehe dort drüben ein Boot, das langsam näher an unser Ufer kommt.",
                Some("Konrad"),
            )],
        );
    }

    #[test]
    fn english_keeps_long_uncued_quotations_out() {
        check(
            "The harbour was quiet. “The ships have been stuck for weeks and nobody knows when they may leave.” The master said nothing.",
            "en",
            &[],
        );
    }
}
