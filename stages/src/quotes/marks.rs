//! Quotation marks: pairing opening and closing marks paragraph by paragraph (nested and
//! reversed marks, `''` as a double mark), dialogue dashes, and what lies between the marks.

use super::analysis::{Analyzer, QuotePair, NONE, WINDOW};
use super::lexicon::{class, list};
use crate::text::is_paired_quote_mark;

impl Analyzer<'_> {
    /// Pairs quotation marks, paragraph by paragraph, in one pass.
    pub(super) fn pair_marks(&mut self) {
        #[derive(Clone, Copy)]
        struct Open {
            c: char,
            start: usize,
        }
        let n = self.tokens.len();
        let mut open_d: Option<Open> = None;
        let mut open_s: Option<Open> = None;
        let mut carried: Option<Open> = None;
        // curly quotes open inside the open double one
        let mut nested = 0u32;
        // the opener of a quote inside an open guillemet quote (`« … “…” … »`, `« … „…“ … »`)
        let mut inner: Option<char> = None;
        for i in 0..n {
            // (the whole token copied only for a quotation mark)
            let (paragraph, c) = (self.tokens[i].paragraph, self.tokens[i].punct);
            if i > 0 && paragraph != self.tokens[i - 1].paragraph {
                self.open_to_paragraph_end(open_d.map(|o| o.start), i);
                // a quote left open by a paragraph that ends a sentence may continue
                let ends = matches!(self.tokens[i - 1].punct, '.' | '?' | '!' | '…' | ':' | ',')
                    || self.word(i - 1).ends_with("...");
                carried = open_d.take().filter(|_| ends);
                open_s = None;
                nested = 0;
                inner = None;
            }
            if c == '\0' || !is_paired_quote_mark(c) {
                carried = None;
                continue;
            }
            let tk = self.tokens[i];
            let before = self.text[..tk.start].chars().next_back();
            let after = self.text[tk.end..].chars().next();
            let space_before = before.map_or(true, |b| b.is_whitespace() || "([{—–-".contains(b));
            let alnum_after = after.is_some_and(char::is_alphanumeric);
            let alnum_before = before.is_some_and(char::is_alphanumeric);
            let double = self
                .lexicons
                .marks
                .get(&c)
                .map(|m| m.0)
                .unwrap_or(matches!(c, '”' | '"' | '»' | '«' | '“' | '」' | '』'));
            if double {
                // a paragraph that reopens a quote left open continues it
                if let Some(o) = carried.take() {
                    if self.can_open_quote(c) {
                        open_d = Some(Open { c, start: o.start });
                        continue;
                    }
                }
                if let Some(o) = open_d {
                    let closes = self
                        .lexicons
                        .marks
                        .get(&o.c)
                        .is_some_and(|m| m.1.contains(&c));
                    // inside guillemets, another style of double marks quotes within
                    if let Some(ic) = inner {
                        if self
                            .lexicons
                            .marks
                            .get(&ic)
                            .is_some_and(|m| m.1.contains(&c))
                        {
                            inner = None;
                            continue;
                        }
                    } else if matches!(o.c, '«' | '»')
                        && !closes
                        && c != o.c
                        && self.can_open_quote(c)
                        && space_before
                        && alnum_after
                    {
                        inner = Some(c);
                        continue;
                    }
                    let straight_open = c == '"' && space_before && alnum_after && o.c != '"';
                    // `“… even when “our side” errs …”`, `„… ein „Nein“ …“`: the same
                    // opening mark nested, closed twice later in the paragraph
                    if c == o.c && space_before && alnum_after && self.nested_same(i, c) {
                        nested += 1;
                        continue;
                    }
                    if nested > 0 && closes && (c == '”' || o.c == '„') {
                        nested -= 1;
                        continue;
                    }
                    if closes && !straight_open {
                        self.quotes.push(QuotePair {
                            open: o.start,
                            close: i,
                            double: true,
                            dash: false,
                        });
                        open_d = None;
                        open_s = None;
                        inner = None;
                        continue;
                    }
                }
                if self.can_open_quote(c) && !(c == '"' && !space_before && !alnum_after) {
                    open_d = Some(Open { c, start: i });
                    open_s = None;
                    nested = 0;
                    inner = None;
                } else if open_d.is_none() && self.reversed_opener(c, tk.start, tk.end) {
                    // (it pairs as `“` does)
                    open_d = Some(Open { c: '“', start: i });
                    open_s = None;
                }
                continue;
            }
            carried = None;
            if open_d.is_some() {
                continue; // nested single quotes are part of the outer quote
            }
            // single marks: apostrophes never open; a closer must follow a non-space
            let can_close = !space_before && !alnum_after;
            if let Some(o) = open_s {
                let closes = self
                    .lexicons
                    .marks
                    .get(&o.c)
                    .is_some_and(|m| m.1.contains(&c));
                if closes && can_close {
                    self.quotes.push(QuotePair {
                        open: o.start,
                        close: i,
                        double: false,
                        dash: false,
                    });
                    open_s = None;
                    continue;
                }
            }
            let can_open = space_before && (alnum_after || after.is_some_and(|a| a == '['));
            if can_open && self.can_open_quote(c) && !alnum_before {
                open_s = Some(Open { c, start: i });
            }
        }
        self.open_to_paragraph_end(open_d.map(|o| o.start), n);
        self.quotes.sort_by_key(|q| q.open);
        for (qi, q) in self.quotes.iter().enumerate() {
            for k in q.open + 1..q.close.min(n) {
                self.quote_of_token[k] = qi as u32;
            }
        }
    }

    /// In a language that quotes whole documents without a cue
    /// ([`super::languages::QuoteLanguage::uncued_quotations`], German), a double mark
    /// at `open` right after a colon and never closed (`Es heißt da u. a.: „Die Stellung
    /// … war unanfechtbare.` to the end of the text, the excerpt of a newspaper that
    /// cut the quotation off) is a quotation up to the last token of its paragraph, the
    /// one before token `next`, unless the paragraph that `next` opens reopens it.
    fn open_to_paragraph_end(&mut self, open: Option<usize>, next: usize) {
        let Some(open) = open else {
            return;
        };
        let c = self.punct(next);
        let reopens = is_paired_quote_mark(c) && self.can_open_quote(c);
        let last = next - 1;
        let words = (open + 1..last).filter(|&k| self.tokens[k].word).count();
        let colon = open > 0 && self.punct(open - 1) == ':';
        if self.lex.uncued_quotations && colon && words >= 3 && !reopens {
            self.quotes.push(QuotePair {
                open,
                close: last,
                double: true,
                dash: false,
            });
        }
    }

    /// Whether the opening mark `c` at token `i`, inside a quotation that the same mark
    /// opened, opens a quotation within it (`“` and `„` only).
    fn nested_same(&self, i: usize, c: char) -> bool {
        match c {
            '“' => self.nested_curly(i),
            '„' => self.nested_low(i),
            _ => false,
        }
    }

    /// Whether the low mark `„` at `i`, inside a quotation that `„` opened, opens a
    /// quotation within it: two closing marks (`“` or `"`) follow in its paragraph before
    /// the next `„` (`„Man würde ein „Nein“ hören.“`).
    fn nested_low(&self, i: usize) -> bool {
        let para = self.tokens[i].paragraph;
        let mut closers = 0;
        for tk in self.tokens[i + 1..].iter().take(WINDOW * 4) {
            if tk.paragraph != para || tk.punct == '„' {
                return false;
            }
            if matches!(tk.punct, '“' | '"') {
                closers += 1;
                if closers >= 2 {
                    return true;
                }
            }
        }
        false
    }

    /// An opening `“` at token `i`, inside an open `“`, that is closed and then closes
    /// the outer one too: two `”` follow in its paragraph before any other opening `“`.
    pub(super) fn nested_curly(&self, i: usize) -> bool {
        let para = self.tokens[i].paragraph;
        let mut closers = 0;
        for tk in self.tokens[i + 1..].iter().take(WINDOW * 2) {
            if tk.paragraph != para {
                break;
            }
            match tk.punct {
                '”' => closers += 1,
                '“' => break,
                _ => {}
            }
            if closers >= 2 {
                return true;
            }
        }
        false
    }

    /// A closing `”` set where a quotation opens (bytes `s..e`): after a space, a
    /// paragraph start or an invisible formatting mark, and before a word or an ellipsis
    /// (`”Sorry, Sarah!”` after a U+202A mark, `” … in the end,” she wrote`).
    pub(super) fn reversed_opener(&self, c: char, s: usize, e: usize) -> bool {
        if c != '”' {
            return false;
        }
        let before = self.text[..s].chars().next_back();
        let start = before.map_or(true, |b| {
            b.is_whitespace()
                || matches!(b, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{feff}')
        });
        let rest = self.text[e..].trim_start_matches(' ');
        let word = rest.starts_with(char::is_alphanumeric)
            && self.text[e..].starts_with(char::is_alphanumeric);
        start && (word || rest.starts_with('…') || rest.starts_with("..."))
    }

    /// Whether `c` can open a quotation (it has closers in `data/marks.txt`).
    pub(super) fn can_open_quote(&self, c: char) -> bool {
        self.lexicons.marks.contains_key(&c)
    }

    /// French and Spanish dialogue lines: a paragraph opening with a dash.
    pub(super) fn dialogue_dashes(&mut self) {
        if !self.lex.dialogue_dash {
            return;
        }
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            let starts_para = i == 0 || self.tokens[i].paragraph != self.tokens[i - 1].paragraph;
            if starts_para && matches!(self.punct(i), '—' | '–') && !self.in_quote(i) {
                let para = self.tokens[i].paragraph;
                let mut j = i + 1;
                // the line runs to the next dash, to `, <verb>`, or to the paragraph end
                while j < n && self.tokens[j].paragraph == para {
                    if matches!(self.punct(j), '—' | '–') {
                        break;
                    }
                    if self.punct(j) == ',' && self.is_cue_word(j + 1) {
                        break;
                    }
                    j += 1;
                }
                if j > i + 1 {
                    let qi = self.quotes.len() as u32;
                    for k in i + 1..j {
                        if self.quote_of_token[k] == NONE {
                            self.quote_of_token[k] = qi;
                        }
                    }
                    self.quotes.push(QuotePair {
                        open: i,
                        close: j,
                        double: true,
                        dash: true,
                    });
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
    }

    /// Content bytes of a quote (between its marks, or the dialogue line).
    pub(super) fn quote_content(&self, q: &QuotePair) -> (usize, usize) {
        let cs = self.tokens.get(q.open).map_or(0, |t| t.end);
        let ce = if q.close < self.tokens.len() {
            self.tokens[q.close].start
        } else {
            self.tokens.last().map_or(cs, |t| t.end)
        };
        let ce = if q.dash && self.punct(q.close) == ',' {
            self.tokens[q.close].start
        } else {
            ce
        };
        // dialogue lines: content is the words, not the spaces
        let slice = self.text.get(cs..ce).unwrap_or("");
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        (cs + lead, (ce - trail).max(cs + lead))
    }

    /// A title-case quote of a few words named as a work in passing: after `on`, a
    /// possessive or a `media` noun (`on NBC’s “Early Today,” X said`, `in her memoir,
    /// “Hard Roads.”`, `the show “Night Court”`): a title, not speech.
    pub(super) fn named_work(&self, q: &QuotePair) -> bool {
        if q.dash || q.open == 0 || q.close > q.open + 12 {
            return false;
        }
        let mut words = (q.open + 1..q.close)
            .filter(|&j| self.tokens[j].word)
            .peekable();
        if words.peek().map_or(true, |&j| !self.tokens[j].cap) {
            return false;
        }
        if !words.all(|j| {
            self.tokens[j].cap || self.has_class(j, class::CONN | class::STOP | class::DET)
        }) {
            return false;
        }
        let mut k = q.open - 1;
        if self.punct(k) == ',' && k > 0 {
            k -= 1;
        }
        self.in_list(k, list::TITLE_BEFORE_QUOTE)
            || self.word(k).ends_with("’s")
            || self.word(k).ends_with("'s")
            || (self.has_class(k, class::MEDIA) && !self.tokens[k].cap)
    }

    /// Whether words follow the closing mark before the sentence ends.
    pub(super) fn words_after_close(&self, q: &QuotePair) -> bool {
        let (_, hi) = self.sentence_range(q.close);
        (q.close + 1..hi).any(|j| self.tokens[j].word && !self.in_quote(j))
    }

    /// The quote whose opening mark is token `k`, if a pair of marks opens there.
    pub(super) fn quote_opening_at(&self, k: usize) -> Option<usize> {
        let qi = self.quote_of_token.get(k + 1).copied()?;
        if qi == NONE {
            return None;
        }
        let q = self.quotes.get(qi as usize)?;
        (q.open == k && !q.dash).then_some(qi as usize)
    }

    // ---------------------------------------------------------------- embedded fragments
}
