//! `quotes`: who said what — direct, partial and indirect quotations with their speaker,
//! resolved to one entity, and their cue.
//!
//! Requires [`LayerName::TOKENS`] and [`LayerName::SENTENCES`] (the `tokens` stage); uses
//! the `lang` layer (or the input's `lang` field) when present. Provides
//! [`LayerName::QUOTES`].
//!
//! What it finds:
//! - **direct** quotes in every mark style (`“ ”`, `" "`, `‘ ’`, `« »`, `„ “`, `» «`,
//!   `「 」`, and dialogue dashes in French and Spanish), with the speaker before or after
//!   (`“…,” Hussain said.` / `“…,” said Hussain.` / `Hussain said: “…”`), appositives and
//!   relative clauses between speaker and verb, multi-paragraph quotes (a paragraph that
//!   leaves a quote open continues in the next paragraph that reopens it); after the
//!   quote, any past-tense verb next to a person's name stands for a speech verb (`“…?”
//!   Ames pressed.`), and a signature line (`- Ames.`) names the speaker; a full-sentence
//!   quote right after a sentence that attributes something takes that speaker (`Ames
//!   said the talks failed. “…”`);
//! - **partial** quotes: quoted fragments inside reported speech (`X emphasized that
//!   Pakistan “…” and considers it “…”` gives one partial quote per coordinated verb,
//!   spanning the reported words that carry the fragments; `that “…” and that “…”` is one);
//! - **indirect** speech without marks: `X said (that) …`, `…, X said.`, `X told Y that …`,
//!   `X told Y he …`, `according to X, …`, `as per the statement by X, …`, `…, X has told
//!   Sputnik on Monday.`, `…, said X, a historian at Yale.`, `X complained about …`,
//!   `Local farmers say …` (a subject without a determiner), `X said if …, …` (a
//!   conditional), `the charge by X that …` (a statement noun, its author, a `that` clause),
//!   `The agency declined, saying …` (a participle takes its sentence's subject), `The
//!   court ruled and said …` (a coordinated verb takes any subject for unquoted content),
//!   `six in 10 said …` (a count as the subject).
//!
//! Speakers are names (with titles, or the surname alone later on), pronouns,
//! descriptions (`the officer`, `the officials`) and organisations or metonyms (`the Foreign
//! Office`, `Islamabad`, `Dawn`). Each resolves to one entity, named by the fullest name
//! the document uses for it, titles stripped (`Mian Hilal Hussain`). A surname shared by
//! two people resolves by title, then by the most recent mention (`Gen. Sharif` is the
//! general). Pronouns and role descriptions resolve to the most recent person speaker.
//!
//! Quotation marks that are not speech (scare quotes, titles, headlines, apostrophes) get
//! no speaker and are left out of the layer (set `unattributed = true` to keep them, with
//! a `null` speaker).
//!
//! What counts as an attribution (measured against PolNeAR, which annotates every
//! attribution, and the seed articles, which annotate speech only):
//! - extracted: statements made by speaking or writing — speech verbs (`said`, `told`,
//!   `tweeted`, `argued`, `warned`…), source phrases (`according to`) and statement nouns
//!   with their author (`a statement by X that “…”`); speech acts with their object
//!   (`accused him of …`, `urged …`, `endorsed Clinton`, `announced his candidacy`,
//!   `called for …`, `asked whether …`); labels with a quoted word (`called the plan “a
//!   disaster”`, `what she calls “…”`); talking about a topic (`talked about [the
//!   economy]`); quoted fragments whose source is the subject of their sentence; a
//!   question put to the speaker by an unnamed asker (`Asked [whether he would run], X
//!   said …`), without a speaker; a title-case headline's capitalised verb (`Mayor Says
//!   [Roads Will Reopen]`); a poll that opens its sentence (`In a CBS poll, [most voters
//!   …]`);
//! - extracted by default, off with `beliefs = false`: thoughts, beliefs and findings
//!   (`X believes that …`, `X thinks …`, `the poll found that …`, `records show …`) —
//!   they state the source's view, which is what `by_source` sentiment is about;
//! - extracted by default, off with `intentions = false`: intentions and wishes (`X
//!   wants [a recount]`, `declined [to comment]`, `plans [to run]`; not the nouns `have
//!   plans to`, `the plan`);
//! - extracted only when switched on (PolNeAR annotates them, the seed articles, which
//!   annotate speech only, do not): stances with `stances = true` (`X supports [the
//!   bill]`), appearances and expectations with `appearances = true`
//!   (`[the plan seems to work]`, `[she is expected to win]`: the whole clause, no
//!   speaker);
//! - not extracted: nominal attributions without a verb (`X's critique of the economy`).
//!
//! Spans: a direct quote covers its words without the marks; a quotation interrupted by
//! its attribution (`“A,” he said, “B.”`) or continued in the next paragraph without a
//! new attribution is one quote over all its parts; a narrative sentence between two
//! quotes (`“A,” X said. The hall went quiet. “B.”`) keeps them apart, same speaker. A
//! partial quote ends where the writer comments on its quoted words: a spaced dash, or
//! after a comma an appositive, a relative clause or a participle (`X said the plan was
//! [“a disaster”], a charge …` / `, adding that …`). A partial quote covers the reported
//! words that carry the fragment (`… emphasized that [Pakistan “holds …”]`), one quote
//! per coordinated act of saying (from after that verb); a lowercase quote after `X said,`
//! in a sentence whose words before the speaker end at its comma (`The truth is, X said,
//! “…”`) is partial from the sentence start; an indirect
//! quote covers the reported clause with its `that`, to the end of the sentence or of the
//! clause that holds the cue (`While X said [that …], Y …`, `Y, who said […], …`); a
//! speech act's object ends before a coordinated verb (`praised [the plan] and thanked
//! …`); a source inside its sentence (`X, according to Y, is …`) gives the whole
//! sentence; a clause ends where another attribution begins (`X said […], and Y said …`)
//! and a fragment's clause before a participle (`defended [its “values,”] saying …`).
//! A reported clause that lost its subject to a relative holds its antecedent (`[a probe
//! the agency said was ongoing]`, `[which it said was fair]`). An indirect quote nested in
//! the content of another attribution (`X said that [Y believes …]`) is left out: the
//! outer one holds it.
//!
//! Languages: English (all patterns); French, German and Spanish direct quotes with their
//! marks and common speech verbs. Every word list lives in a data file under
//! `src/quotes/data/` (see its README); other languages fall back to the English lists.
//!
//! ```toml
//! [[stage]]
//! type = "quotes"
//! beliefs = true         # also extract `X believes/thinks/found that …` as indirect quotes
//! stances = false        # also extract `X supports/opposes …` (the object)
//! intentions = true      # also extract `X wants …`, `plans to …`, `declined to …`
//! appearances = false    # also extract `… seems to …`, `… is expected to …` (no speaker)
//! unattributed = false   # keep quotations without a speaker (speaker = null)
//! min_confidence = 0.0   # drop quotes below this confidence
//! ```
//!
//! Failure: a document without tokens or sentences is a [`StageError::MissingLayer`]
//! error. Any text is otherwise accepted: unbalanced or stray quotation marks are dropped
//! at the end of their paragraph, and the stage never panics. Time is linear in the
//! number of tokens.
//!
//! ```
//! use stages::{quotes::QuoteStage, tokens::TokenStage};
//! let text = "“We want peace,” Defense Secretary Mian Hilal Hussain said. \
//!             “It matters,” Hussain added.";
//! let doc = stages::annotate(text, &[&TokenStage::default(), &QuoteStage::default()]).unwrap();
//! let quotes = doc.quotes().unwrap();
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].span.slice(text), "We want peace,");
//! assert_eq!(quotes[1].speaker.as_ref().unwrap().entity, "Mian Hilal Hussain");
//! ```

mod lexicon;
mod resolve;

use std::sync::Arc;

use pipeline_core::{
    Document, LayerName, Quote, QuoteKind, StageError, SyncStage, Token, TokenKind,
};
use serde::Deserialize;

use lexicon::{class, Lexicon, Lexicons};

/// Options of the `quotes` stage.
///
/// ```
/// use stages::quotes::{QuoteConfig, QuoteStage};
/// let config = QuoteConfig { beliefs: false, ..QuoteConfig::default() };
/// let stage = QuoteStage::new(config);
/// # let _ = stage;
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuoteConfig {
    /// Also extract thoughts, beliefs and findings (`X believes that …`, `the poll found
    /// that …`) as indirect quotes (default: true).
    pub beliefs: bool,
    /// Also extract stances (`X supports the bill`, `opposed the deal`): the object is
    /// attributed (default: false).
    pub stances: bool,
    /// Also extract intentions and wishes (`X wants a recount`, `declined to comment`,
    /// `plans to run`): the object or `to` clause is attributed (default: true).
    pub intentions: bool,
    /// Also extract appearances and expectations (`the plan seems to work`, `she is
    /// expected to win`): the whole clause, without a speaker (default: false).
    pub appearances: bool,
    /// Keep quotations that have no speaker (scare quotes, titles), with a `null` speaker.
    pub unattributed: bool,
    /// Quotes below this confidence are dropped.
    pub min_confidence: f32,
}

impl Default for QuoteConfig {
    fn default() -> Self {
        QuoteConfig {
            beliefs: true,
            stances: false,
            intentions: true,
            appearances: false,
            unattributed: false,
            min_confidence: 0.0,
        }
    }
}

/// The `quotes` stage. Building it parses the word lists once; cloning is cheap.
///
/// ```
/// use pipeline_core::SyncStage;
/// let stage = stages::quotes::QuoteStage::default();
/// assert_eq!(stage.name(), "quotes");
/// ```
#[derive(Debug, Clone)]
pub struct QuoteStage {
    config: QuoteConfig,
    lex: Arc<Lexicons>,
}

impl Default for QuoteStage {
    fn default() -> Self {
        QuoteStage::new(QuoteConfig::default())
    }
}

impl QuoteStage {
    /// Builds the stage.
    pub fn new(config: QuoteConfig) -> QuoteStage {
        QuoteStage {
            config,
            lex: Arc::new(Lexicons::load()),
        }
    }

    /// Finds the quotes of a text, given its tokens and sentences, for a language code.
    ///
    /// ```
    /// use stages::{quotes::QuoteStage, tokens};
    /// let text = "According to Dawn, the talks failed.";
    /// let toks = tokens::tokenize(text);
    /// let sents = tokens::split_sentences(text, &toks);
    /// let q = QuoteStage::default().find(text, &toks, &sents, Some("en"));
    /// assert_eq!(q[0].span.slice(text), "the talks failed.");
    /// assert_eq!(q[0].speaker.as_ref().unwrap().entity, "Dawn");
    /// ```
    pub fn find(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[pipeline_core::Sentence],
        lang: Option<&str>,
    ) -> Vec<Quote> {
        let lex = self.lex.get(lang);
        let mut a = Analyzer::new(text, tokens, sentences, lex, &self.lex, &self.config);
        a.run();
        let mut out = resolve::resolve(&a);
        out.retain(|q| q.confidence >= self.config.min_confidence);
        out
    }
}

impl SyncStage for QuoteStage {
    fn name(&self) -> &str {
        "quotes"
    }

    fn requires(&self) -> Vec<LayerName> {
        vec![LayerName::TOKENS, LayerName::SENTENCES]
    }

    fn provides(&self) -> Vec<LayerName> {
        vec![LayerName::QUOTES]
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = doc
            .tokens()
            .ok_or(StageError::MissingLayer(LayerName::TOKENS))?;
        let sentences = doc
            .sentences()
            .ok_or(StageError::MissingLayer(LayerName::SENTENCES))?;
        let quotes = self.find(doc.text(), tokens, sentences, doc.lang_code());
        doc.set_quotes(quotes)?;
        Ok(())
    }
}

/// A token as the analyzer sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tk {
    pub s: usize,
    pub e: usize,
    pub cls: u32,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// A word or number.
    pub word: bool,
    pub number: bool,
    /// The character of a one-character punctuation token, else `'\0'`.
    pub p: char,
    pub para: u32,
    pub sent: u32,
}

/// A paired quotation: token indices of its marks and the content between them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QSpan {
    pub open: usize,
    pub close: usize,
    pub double: bool,
    /// A dialogue line (dash) rather than a pair of marks.
    pub dash: bool,
}

/// What a speaker mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NpKind {
    Name,
    Pron,
    Desc,
    /// A relative pronoun (`who`) whose antecedent is the mention before its comma.
    Rel,
}

/// A speaker mention: tokens `s..e`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Np {
    pub s: usize,
    pub e: usize,
    pub kind: NpKind,
}

/// One attribution found: content bytes, kind, speaker mention, cue token range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    pub cs: usize,
    pub ce: usize,
    pub kind: QuoteKind,
    pub np: Option<Np>,
    pub cue: Option<(usize, usize)>,
    pub conf: f32,
    /// Continues the previous direct quote of the same speaker (one quotation
    /// interrupted by its attribution, or carried on in the next paragraph).
    pub join: bool,
    /// Inherited its speaker but stays a quote of its own.
    pub sep: bool,
}

const NONE: u32 = u32::MAX;

/// The longest stretch of tokens any search looks at, on either side of its start.
const WINDOW: usize = 160;

pub(crate) struct Analyzer<'a> {
    pub text: &'a str,
    pub t: Vec<Tk>,
    pub lex: &'a Lexicon,
    marks: &'a Lexicons,
    config: &'a QuoteConfig,
    /// Sentence token ranges.
    sents: Vec<(usize, usize)>,
    pub quotes: Vec<QSpan>,
    /// Per token: the quote it lies inside (strictly between the marks), or NONE.
    inq: Vec<u32>,
    /// Per quote: attributed already.
    qdone: Vec<bool>,
    /// Per token: used as a cue already.
    cue_used: Vec<bool>,
    pub attrs: Vec<Attr>,
    /// Per quote: the attribution made for it, or NONE.
    qattr: Vec<u32>,
    /// The speakers attributed so far, each with its sentence, in order (one flat list:
    /// few per document, rarely searched).
    sent_speakers: Vec<(u32, Np)>,
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '‹'
            | '›'
            | '‟'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

impl<'a> Analyzer<'a> {
    fn new(
        text: &'a str,
        tokens: &[Token],
        sentences: &[pipeline_core::Sentence],
        lex: &'a Lexicon,
        marks: &'a Lexicons,
        config: &'a QuoteConfig,
    ) -> Analyzer<'a> {
        let mut t: Vec<Tk> = Vec::with_capacity(tokens.len());
        let mut lower = String::new();
        let mut para = 0u32;
        let mut prev_end = 0usize;
        let mut si = 0usize;
        let mut sents = Vec::with_capacity(sentences.len());
        let mut cur_sent: Option<(u32, usize)> = None;
        for tok in tokens {
            let (s, e) = (tok.span.start, tok.span.end);
            let Some(word) = text.get(s..e) else { continue };
            if s < prev_end {
                continue; // overlapping or unordered tokens: skip
            }
            // (a byte scan: the gap is short, and `\n` is one byte in UTF-8)
            let gap = text.as_bytes().get(prev_end..s).unwrap_or_default();
            if gap.contains(&b'\n') && !t.is_empty() {
                para += 1;
            }
            prev_end = e;
            // the sentence holding this token
            while si < sentences.len() && sentences[si].span.end <= s {
                si += 1;
            }
            let sent = if si < sentences.len() && sentences[si].span.start <= s {
                si as u32
            } else {
                NONE
            };
            let idx = t.len();
            match cur_sent {
                Some((cs, _)) if cs == sent && sent != NONE => {}
                Some((_, start)) => {
                    sents.push((start, idx));
                    cur_sent = Some((sent, idx));
                }
                None => cur_sent = Some((sent, idx)),
            }
            let first = word.chars().next().unwrap_or(' ');
            let is_word = matches!(tok.kind, TokenKind::Word | TokenKind::Number);
            let mut cls = 0;
            if (is_word || word.len() <= 3) && word.len() <= 24 {
                cls = lex.classes_any(word, &mut lower);
            }
            let p = if !is_word && word.chars().count() == 1 {
                first
            } else {
                '\0'
            };
            // `''` (two apostrophes, as some papers print quotation marks): one `"`
            // (closing `'''` is a single mark, then the pair: `say, 'Why?'''`)
            // (only looked at for an apostrophe)
            let closing_triple = || {
                text[e..].starts_with('\'')
                    && t.last().is_some_and(|prev| {
                        text[..prev.s]
                            .chars()
                            .next_back()
                            .is_some_and(|c| !c.is_whitespace())
                    })
            };
            if p == '\'' && !closing_triple() {
                if let Some(prev) = t.last_mut() {
                    if prev.p == '\'' && prev.e == s && prev.para == para {
                        prev.e = e;
                        prev.p = '"';
                        continue;
                    }
                }
            }
            t.push(Tk {
                s,
                e,
                cls,
                cap: first.is_uppercase(),
                word: is_word,
                number: tok.kind == TokenKind::Number,
                p,
                para,
                sent: 0,
            });
        }
        if let Some((_, start)) = cur_sent {
            sents.push((start, t.len()));
        }
        for (i, &(a, b)) in sents.iter().enumerate() {
            for tk in &mut t[a..b] {
                tk.sent = i as u32;
            }
        }
        let n = t.len();
        Analyzer {
            text,
            t,
            lex,
            marks,
            config,
            sents,
            quotes: Vec::new(),
            inq: vec![NONE; n],
            qdone: Vec::new(),
            cue_used: vec![false; n],
            attrs: Vec::new(),
            qattr: Vec::new(),
            sent_speakers: Vec::new(),
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    /// Token `i` lowercased as [`str::to_lowercase`] does, borrowed when it is lowercase
    /// ASCII already (most words): no allocation in the common case.
    fn lower(&self, i: usize) -> std::borrow::Cow<'a, str> {
        let w = self.word(i);
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            std::borrow::Cow::Borrowed(w)
        } else {
            std::borrow::Cow::Owned(w.to_lowercase())
        }
    }

    fn has(&self, i: usize, c: u32) -> bool {
        self.t.get(i).is_some_and(|t| t.cls & c != 0)
    }

    fn p(&self, i: usize) -> char {
        self.t.get(i).map_or('\0', |t| t.p)
    }

    /// The token range of the sentence holding token `i`, clamped to a window of
    /// [`WINDOW`] tokens on each side so that no search is ever longer than that (a text
    /// without sentence punctuation is one huge "sentence").
    fn sent_range(&self, i: usize) -> (usize, usize) {
        let (lo, hi) = self
            .t
            .get(i)
            .and_then(|t| self.sents.get(t.sent as usize))
            .copied()
            .unwrap_or((i, i + 1));
        (lo.max(i.saturating_sub(WINDOW)), hi.min(i + WINDOW))
    }

    fn in_quote(&self, i: usize) -> bool {
        self.inq.get(i).is_some_and(|&q| q != NONE)
    }

    fn run(&mut self) {
        self.pair_marks();
        self.dialogue_dashes();
        self.qdone = vec![false; self.quotes.len()];
        self.qattr = vec![NONE; self.quotes.len()];
        for qi in 0..self.quotes.len() {
            self.direct(qi);
        }
        self.headline();
        self.speaker_labels();
        self.indirect();
        for qi in 0..self.quotes.len() {
            if !self.qdone[qi] {
                self.embedded(qi);
            }
        }
        self.inherit();
        self.after_attribution();
        self.drop_named_works();
        self.drop_nested();
        if self.config.unattributed {
            for qi in 0..self.quotes.len() {
                if !self.qdone[qi] {
                    let q = self.quotes[qi];
                    self.push_quote(qi, QuoteKind::Direct, None, None, 0.3);
                    let _ = q;
                }
            }
        }
    }

    /// Drops the direct quotes that a later pass made of a work's title (`the show
    /// “Night Desk,”`, `’s “Today”`): [`Self::direct`] leaves them, the others may not.
    fn drop_named_works(&mut self) {
        let mut drop = vec![false; self.attrs.len()];
        for qi in 0..self.quotes.len() {
            let q = self.quotes[qi];
            let Some(&at) = self.qattr.get(qi) else {
                continue;
            };
            if at == NONE || !self.named_work(&q) {
                continue;
            }
            let (cs, ce) = self.qcontent(&q);
            if let Some(a) = self.attrs.get(at as usize) {
                if a.kind == QuoteKind::Direct && a.cs == cs && a.ce == ce {
                    drop[at as usize] = true;
                }
            }
        }
        if drop.iter().any(|&d| d) {
            // the new index of each attribution kept
            let mut new_at = vec![NONE; drop.len()];
            let mut kept = 0u32;
            for (i, &d) in drop.iter().enumerate() {
                if !d {
                    new_at[i] = kept;
                    kept += 1;
                }
            }
            let mut i = 0;
            self.attrs.retain(|_| {
                i += 1;
                !drop[i - 1]
            });
            for a in &mut self.qattr {
                *a = new_at.get(*a as usize).copied().unwrap_or(NONE);
            }
        }
    }

    /// Drops indirect quotes nested in the content of another attribution (`X said that
    /// [Y believes …]`): the outer one holds them.
    fn drop_nested(&mut self) {
        let mut order: Vec<usize> = (0..self.attrs.len())
            .filter(|&i| matches!(self.attrs[i].kind, QuoteKind::Indirect | QuoteKind::Partial))
            .collect();
        order.sort_by_key(|&i| (self.attrs[i].cs, std::cmp::Reverse(self.attrs[i].ce)));
        let mut drop = vec![false; self.attrs.len()];
        let mut reach = 0usize;
        for &i in &order {
            let at = self.attrs[i];
            if at.kind == QuoteKind::Indirect && reach >= at.ce {
                drop[i] = true;
            }
            reach = reach.max(at.ce);
        }
        let mut k = 0;
        self.attrs.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }

    // ---------------------------------------------------------------- quotation marks

    /// Pairs quotation marks, paragraph by paragraph, in one pass.
    fn pair_marks(&mut self) {
        #[derive(Clone, Copy)]
        struct Open {
            c: char,
            start: usize,
        }
        let n = self.t.len();
        let mut open_d: Option<Open> = None;
        let mut open_s: Option<Open> = None;
        let mut carried: Option<Open> = None;
        // curly quotes open inside the open double one
        let mut nested = 0u32;
        for i in 0..n {
            let tk = self.t[i];
            if i > 0 && tk.para != self.t[i - 1].para {
                // a quote left open by a paragraph that ends a sentence may continue
                let ends = matches!(self.t[i - 1].p, '.' | '?' | '!' | '…' | ':' | ',')
                    || self.word(i - 1).ends_with("...");
                carried = open_d.take().filter(|_| ends);
                open_s = None;
                nested = 0;
            }
            let c = tk.p;
            if c == '\0' || !is_quote_char(c) {
                carried = None;
                continue;
            }
            let before = self.text[..tk.s].chars().next_back();
            let after = self.text[tk.e..].chars().next();
            let space_before = before.map_or(true, |b| b.is_whitespace() || "([{—–-".contains(b));
            let alnum_after = after.is_some_and(char::is_alphanumeric);
            let alnum_before = before.is_some_and(char::is_alphanumeric);
            let double = self
                .marks
                .marks
                .get(&c)
                .map(|m| m.0)
                .unwrap_or(matches!(c, '”' | '"' | '»' | '«' | '“' | '」' | '』'));
            if double {
                // a paragraph that reopens a quote left open continues it
                if let Some(o) = carried.take() {
                    if self.opens(c) {
                        open_d = Some(Open { c, start: o.start });
                        continue;
                    }
                }
                if let Some(o) = open_d {
                    let closes = self.marks.marks.get(&o.c).is_some_and(|m| m.1.contains(&c));
                    let straight_open = c == '"' && space_before && alnum_after && o.c != '"';
                    // `“… even when “our side” errs …”`: the same curly mark nested, closed
                    // twice later in the paragraph
                    if c == '“' && o.c == '“' && space_before && alnum_after && self.nested_curly(i)
                    {
                        nested += 1;
                        continue;
                    }
                    if nested > 0 && closes && c == '”' {
                        nested -= 1;
                        continue;
                    }
                    if closes && !straight_open {
                        self.quotes.push(QSpan {
                            open: o.start,
                            close: i,
                            double: true,
                            dash: false,
                        });
                        open_d = None;
                        open_s = None;
                        continue;
                    }
                }
                if self.opens(c) && !(c == '"' && !space_before && !alnum_after) {
                    open_d = Some(Open { c, start: i });
                    open_s = None;
                    nested = 0;
                } else if open_d.is_none() && self.reversed_opener(c, tk.s, tk.e) {
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
                let closes = self.marks.marks.get(&o.c).is_some_and(|m| m.1.contains(&c));
                if closes && can_close {
                    self.quotes.push(QSpan {
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
            if can_open && self.opens(c) && !alnum_before {
                open_s = Some(Open { c, start: i });
            }
        }
        self.quotes.sort_by_key(|q| q.open);
        for (qi, q) in self.quotes.iter().enumerate() {
            for k in q.open + 1..q.close.min(n) {
                self.inq[k] = qi as u32;
            }
        }
    }

    /// An opening `“` at token `i`, inside an open `“`, that is closed and then closes
    /// the outer one too: two `”` follow in its paragraph before any other opening `“`.
    fn nested_curly(&self, i: usize) -> bool {
        let para = self.t[i].para;
        let mut closers = 0;
        for tk in self.t[i + 1..].iter().take(WINDOW * 2) {
            if tk.para != para {
                break;
            }
            match tk.p {
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
    fn reversed_opener(&self, c: char, s: usize, e: usize) -> bool {
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

    fn opens(&self, c: char) -> bool {
        self.marks.marks.contains_key(&c)
    }

    /// French and Spanish dialogue lines: a paragraph opening with a dash.
    fn dialogue_dashes(&mut self) {
        if !self.lex.dialogue_dash {
            return;
        }
        let n = self.t.len();
        let mut i = 0;
        while i < n {
            let starts_para = i == 0 || self.t[i].para != self.t[i - 1].para;
            if starts_para && matches!(self.p(i), '—' | '–') && !self.in_quote(i) {
                let para = self.t[i].para;
                let mut j = i + 1;
                // the line runs to the next dash, to `, <verb>`, or to the paragraph end
                while j < n && self.t[j].para == para {
                    if matches!(self.p(j), '—' | '–') {
                        break;
                    }
                    if self.p(j) == ',' && self.is_cue_word(j + 1) {
                        break;
                    }
                    j += 1;
                }
                if j > i + 1 {
                    let qi = self.quotes.len() as u32;
                    for k in i + 1..j {
                        if self.inq[k] == NONE {
                            self.inq[k] = qi;
                        }
                    }
                    self.quotes.push(QSpan {
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
    fn qcontent(&self, q: &QSpan) -> (usize, usize) {
        let cs = self.t.get(q.open).map_or(0, |t| t.e);
        let ce = if q.close < self.t.len() {
            self.t[q.close].s
        } else {
            self.t.last().map_or(cs, |t| t.e)
        };
        let ce = if q.dash && self.p(q.close) == ',' {
            self.t[q.close].s
        } else {
            ce
        };
        // dialogue lines: content is the words, not the spaces
        let slice = self.text.get(cs..ce).unwrap_or("");
        let lead = slice.len() - slice.trim_start().len();
        let trail = slice.len() - slice.trim_end().len();
        (cs + lead, (ce - trail).max(cs + lead))
    }

    /// Records an attribution (and its speaker, for later participles in its sentence).
    fn add_attr(&mut self, at: Attr) {
        if let Some(np) = at.np {
            if let Some(t) = self.t.get(np.s) {
                self.sent_speakers.push((t.sent, np));
            }
        }
        self.attrs.push(at);
    }

    fn push_quote(
        &mut self,
        qi: usize,
        kind: QuoteKind,
        np: Option<Np>,
        cue: Option<(usize, usize)>,
        conf: f32,
    ) {
        let Some(q) = self.quotes.get(qi).copied() else {
            return;
        };
        let (cs, ce) = self.qcontent(&q);
        if ce <= cs {
            return;
        }
        self.qdone[qi] = true;
        self.qattr[qi] = self.attrs.len() as u32;
        if let Some((a, b)) = cue {
            for k in a..b.min(self.cue_used.len()) {
                self.cue_used[k] = true;
            }
        }
        self.add_attr(Attr {
            cs,
            ce,
            kind,
            np,
            cue,
            conf,
            join: false,
            sep: false,
        });
    }

    // ---------------------------------------------------------------- speaker mentions

    fn is_cue_word(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else { return false };
        if t.cls & (class::SPEECH | class::TELL) != 0 {
            return true;
        }
        // French `dit-il`, `a-t-il`
        self.split_cue(i).is_some()
    }

    /// A hyphenated verb+pronoun token such as `dit-il`: the pronoun's byte range.
    fn split_cue(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.t.get(i)?;
        let w = self.word(i);
        let dash = w.rfind('-')?;
        let (verb, pron) = (&w[..dash], &w[dash + 1..]);
        let verb = verb.trim_end_matches("-t");
        let vc = self.lex.classes_str_lower(verb);
        let pc = self.lex.classes_str_lower(pron);
        (vc & (class::SPEECH | class::TELL | class::FILLER) != 0 && pc & class::PRON != 0)
            .then(|| (t.s + dash + 1, t.e))
    }

    fn is_name_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            let sent_start = self.sents.get(t.sent as usize).is_some_and(|s| s.0 == i);
            // a capitalised cue word is a name (`the Post`) except at a sentence start
            let cue = t.cls & class::CUE != 0 && sent_start;
            // `released a statement Wednesday saying …`: a day is no name
            let day = t.cls & class::TIME != 0 && !sent_start;
            t.cap
                && t.word
                && !self.in_quote(i)
                && !cue
                && !day
                && t.cls & (class::STOP | class::PRON | class::DET | class::THAT) == 0
        }) || (self.has(i, class::TITLE) && self.t[i].cap)
    }

    /// The person a relative `who` at `k` stands for (`Mike Lee, who …`).
    pub(crate) fn antecedent(&self, k: usize, lo: usize) -> Option<Np> {
        if k < lo + 2 || self.word(k) != "who" || self.p(k - 1) != ',' {
            return None;
        }
        let np = self.np_core_before(k - 1, lo)?;
        (np.kind == NpKind::Name || self.has(np.e - 1, class::ROLE | class::AGENT)).then_some(np)
    }

    /// A hyphen joining two name words (`Lopez-Cantera`) at token `k`.
    fn name_hyphen(&self, k: usize) -> bool {
        self.p(k) == '-'
            && k > 0
            && self.t.get(k + 1).is_some_and(|n| n.s == self.t[k].e)
            && self.t[k - 1].e == self.t[k].s
            && self.is_name_word(k + 1)
    }

    /// A hyphen glued between two words or numbers (`conservative-leaning`, `43-year`) at
    /// token `k`.
    fn glued_hyphen(&self, k: usize) -> bool {
        self.p(k) == '-'
            && k > 0
            && self.t[k - 1].word
            && self.t[k - 1].e == self.t[k].s
            && self
                .t
                .get(k + 1)
                .is_some_and(|n| n.word && n.s == self.t[k].e)
    }

    /// The end of the run of name words starting at the name word `start` (connectors and
    /// hyphens inside), not past `hi`.
    fn name_run_end(&self, start: usize, hi: usize) -> usize {
        let mut k = start + 1;
        while k < hi {
            if self.is_name_word(k) {
                k += 1;
            } else if k + 1 < hi
                && ((self.has(k, class::CONN) && !self.t[k].cap && self.is_name_word(k + 1))
                    || self.name_hyphen(k))
            {
                k += 2;
            } else {
                break;
            }
        }
        k
    }

    /// A lowercase word that may modify a name (`former`, `pollster`, `chief executive`).
    fn modifier_word(&self, k: usize) -> bool {
        self.t.get(k).is_some_and(|t| {
            t.word
                && !t.cap
                && !t.number
                && !self.in_quote(k)
                && t.cls
                    & (class::STOP
                        | class::CUE
                        | class::THAT
                        | class::FILLER
                        | class::PRON
                        | class::DET
                        | class::TIME
                        | class::PHRASE)
                    == 0
        })
    }

    /// From `k`: up to four lowercase modifiers (and names between them, as in `former
    /// Obama adviser`), then a name: the end of that name.
    fn premodified_name(&self, k: usize, hi: usize) -> Option<usize> {
        let mut j = k;
        let mut mods = 0;
        while j < hi && self.modifier_word(j) {
            j += 1;
            mods += 1;
            if mods > 4 {
                return None;
            }
            if j < hi && self.is_name_word(j) {
                let e = self.name_run_end(j, hi);
                if e < hi && self.modifier_word(e) {
                    j = e;
                    continue;
                }
                // the word before the name is a person's job, not a verb (`Trump beat Bush`),
                // or the name opens with a title (`campaign Chairman John Podesta`)
                let job = class::AGENT | class::TITLE | class::ROLE;
                return (self.has(j - 1, job)
                    || self.has(j, class::TITLE)
                    || self.agent_suffix(j - 1))
                .then_some(e);
            }
        }
        None
    }

    /// Where a job description before the name at `k` starts (`DFA spokesman`, `the
    /// campaign’s chief strategist`): only when a comma, a determiner or the sentence start
    /// comes right before it.
    fn job_before(&self, k: usize, lo: usize) -> Option<usize> {
        if k <= lo || self.t[k - 1].cap {
            return None;
        }
        let job = class::AGENT | class::ROLE | class::TITLE;
        if !self.has(k - 1, job) && !self.agent_suffix(k - 1) {
            return None;
        }
        let mut j = k - 1;
        while j > lo && k - j < 6 && (self.modifier_word(j - 1) || self.is_name_word(j - 1)) {
            j -= 1;
        }
        if j > lo && self.has(j - 1, class::DET) {
            j -= 1;
        }
        (j == lo || self.p(j - 1) == ',').then_some(j)
    }

    /// A job noun by its ending (`screenwriter`, `strategist`): the endings are `agent`
    /// entries written `-er`, `-ist`….
    fn agent_suffix(&self, k: usize) -> bool {
        let w = self.word(k);
        if w.len() < 6 || !w.is_ascii() {
            return false;
        }
        let mut key = String::with_capacity(5);
        (2..=4).any(|n| {
            key.clear();
            key.push('-');
            key.push_str(&w[w.len() - n..]);
            self.lex.classes(&key) & class::AGENT != 0
        })
    }

    /// A mention that ends right before token `end` (exclusive), not before `lo`, with the
    /// group it is the complement of (`[critics of the mayor] said`, `[some of his aides]
    /// said`): the speakers are the critics, not the mayor.
    fn np_core_before(&self, end: usize, lo: usize) -> Option<Np> {
        let np = self.np_head_before(end, lo)?;
        Some(self.of_group(np, lo).unwrap_or(np))
    }

    /// `critics of`, `supporters of`, `some of`, `46 percent of` before the mention `np`:
    /// the whole phrase, when it starts the clause (sentence start, comma, conjunction).
    fn of_group(&self, np: Np, lo: usize) -> Option<Np> {
        // (`some of it`: a thing, no group of speakers)
        if np.s < lo + 2 || self.word(np.s - 1) != "of" || self.word(np.s) == "it" {
            return None;
        }
        let h = np.s - 2;
        let head = self.t[h];
        let w = self.word(h);
        let quantifier = head.cls & class::DET != 0
            || matches!(
                w,
                "most" | "Most" | "none" | "None" | "all" | "All" | "percent"
            );
        let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
        let noun = head.word
            && (!head.cap || h == lo)
            && head.cls & (class::STOP | class::CUE | class::THAT | class::PRON | class::TIME) == 0;
        // (`supporters of Trump` are not Trump; `the mayor of Lyon` is the mayor)
        let job = head.cls & (class::ROLE | class::AGENT | class::GROUP) != 0;
        if !(quantifier || noun && (plural || job || np.kind != NpKind::Name)) {
            return None;
        }
        let mut j = h;
        if w == "percent" && h > lo && self.t[h - 1].number {
            j -= 1;
        }
        while j > lo && h - j < 3 && self.modifier_word(j - 1) {
            j -= 1;
        }
        if j > lo && self.has(j - 1, class::DET) {
            j -= 1;
        }
        self.phrase_boundary(j, lo).then_some(Np {
            s: j,
            e: np.e,
            kind: NpKind::Desc,
        })
    }

    /// The mention itself that ends right before token `end`.
    fn np_head_before(&self, end: usize, lo: usize) -> Option<Np> {
        if end <= lo || end == 0 {
            return None;
        }
        let t = end - 1;
        let tk = self.t.get(t)?;
        if self.in_quote(t) || !tk.word {
            return None;
        }
        if tk.cls & class::PRON != 0 {
            return Some(Np {
                s: t,
                e: end,
                kind: NpKind::Pron,
            });
        }
        if self.is_name_word(t) {
            let mut k = t;
            while k > lo {
                if self.is_name_word(k - 1) {
                    k -= 1;
                } else if k >= lo + 2
                    && ((self.has(k - 1, class::CONN) && !self.t[k - 1].cap)
                        || self.name_hyphen(k - 1))
                    && self.is_name_word(k - 2)
                {
                    k -= 2;
                } else {
                    break;
                }
            }
            // `the Foreign Office`
            // (not the `that` of a clause: `so subdued that Mr. Trump was …`)
            if k > lo
                && self.has(k - 1, class::DET)
                && !self.has(k - 1, class::THAT)
                && !self.t[k - 1].cap
            {
                k -= 1;
            }
            let kind = if (k..end).all(|j| self.has(j, class::TITLE | class::DET)) {
                NpKind::Desc
            } else {
                NpKind::Name
            };
            return Some(Np { s: k, e: end, kind });
        }
        // `the email said`, `one tweet read`: a cue word used as a noun after an article
        let article = t > lo
            && !tk.cap
            && matches!(
                self.lower(t - 1).as_ref(),
                "a" | "an" | "the" | "one" | "his" | "her" | "their" | "its" | "another"
            );
        if tk.cls & class::CUE != 0 && article {
            return Some(Np {
                s: t - 1,
                e: end,
                kind: NpKind::Desc,
            });
        }
        // (a cue word after `of` is a noun: `the secretary of state said`)
        let cue_noun = tk.cls & class::CUE != 0 && t > lo && self.word(t - 1) == "of";
        if tk.cls & (class::STOP | class::CUE | class::FILLER | class::DET | class::THAT) != 0
            && !(cue_noun && tk.cls & (class::STOP | class::FILLER | class::DET | class::THAT) == 0)
            || tk.number
        {
            return None;
        }
        // a description: a determiner and up to five words
        let mut k = t;
        let floor = t.saturating_sub(5).max(lo);
        while k > floor {
            let j = k - 1;
            let Some(tj) = self.t.get(j) else { break };
            // `the officials`, `46 percent`
            if tj.cls & class::DET != 0 || (tj.number && j + 1 < end) {
                return Some(Np {
                    s: j,
                    e: end,
                    kind: NpKind::Desc,
                });
            }
            let cue = tj.cls & class::CUE != 0 && !tj.cap;
            if !tj.word || cue || tj.cls & (class::STOP | class::THAT) != 0 || self.in_quote(j) {
                break;
            }
            k -= 1;
        }
        // `the secretary of defense said`: a bare noun after `of`, in its group
        if k == t && t > lo && self.word(t - 1) == "of" && !tk.cap {
            let np = Np {
                s: t,
                e: end,
                kind: NpKind::Desc,
            };
            if let Some(g) = self.of_group(np, lo) {
                return Some(g);
            }
        }
        if tk.cls & class::GROUP != 0 {
            return Some(Np {
                s: self.bare_group_start(t, lo),
                e: end,
                kind: NpKind::Desc,
            });
        }
        // any plural noun with modifiers from the clause start (`Iowa biofuels advocates
        // say`, `many Carrier workers say`)
        let w = self.word(t);
        let plural = !tk.cap && w.len() > 4 && w.ends_with('s') && !w.ends_with("ss");
        if plural {
            let s = self.bare_group_start(t, lo);
            // (`small bakers and local grocers say`: a coordinated subject, found later)
            if s < t && !(s > lo && self.word(s - 1) == "and") {
                return Some(Np {
                    s,
                    e: end,
                    kind: NpKind::Desc,
                });
            }
        }
        None
    }

    /// A subject phrase may start at `j`: at the sentence start (`lo`), after a comma or
    /// after a conjunction or `that`.
    fn phrase_boundary(&self, j: usize, lo: usize) -> bool {
        j == lo
            || self.p(j - 1) == ','
            || matches!(
                self.word(j - 1),
                "and" | "but" | "that" | "while" | "And" | "But" | "That" | "While"
            )
    }

    /// Where a bare plural group noun at `t` starts with its modifiers (`law enforcement
    /// officials`, `Iowa biofuels advocates`): the modifiers must run back to the sentence
    /// start, a comma or a conjunction; otherwise the noun alone.
    fn bare_group_start(&self, t: usize, lo: usize) -> usize {
        let mut j = t;
        while j > lo && t - j < 4 && (self.modifier_word(j - 1) || self.is_name_word(j - 1)) {
            j -= 1;
        }
        if j < t && self.phrase_boundary(j, lo) {
            j
        } else {
            t
        }
    }

    /// The speaker before a cue at `cue`: skips fillers, an appositive or relative clause,
    /// a parenthesis.
    fn np_before(&self, cue: usize, lo: usize) -> Option<Np> {
        let mut j = cue;
        let mut skipped = 0;
        loop {
            // (auxiliaries and adverbs: `has long said`, `emphatically proclaimed`)
            let adverb = j > lo
                && !self.t[j - 1].cap
                && self.t[j - 1].word
                && self.word(j - 1).len() > 4
                && self.word(j - 1).ends_with("ly");
            if j > lo
                && (self.has(j - 1, class::FILLER) || adverb)
                && !self.t[j - 1].cap
                && skipped < 3
            {
                j -= 1;
                skipped += 1;
            } else if j > lo + 1 && self.has(j - 1, class::TIME) && skipped < 3 {
                // `X on Friday described …`, `X this week said …`
                j -= 1;
                skipped += 1;
                if matches!(self.word(j - 1), "on" | "this" | "last" | "late" | "early") {
                    j -= 1;
                }
            } else {
                break;
            }
        }
        // `Proponents of the bill, however, say …`, `X, for example, said …`: an aside
        // between commas
        if j > lo + 2 && self.p(j - 1) == ',' {
            if let Some(c) = (j.saturating_sub(5).max(lo)..j - 1)
                .rev()
                .find(|&c| self.p(c) == ',')
            {
                let aside = c + 1 < j - 1
                    && (c + 1..j - 1).all(|k| {
                        matches!(
                            self.word(k),
                            "however"
                                | "meanwhile"
                                | "too"
                                | "though"
                                | "also"
                                | "instead"
                                | "nonetheless"
                                | "nevertheless"
                                | "for"
                                | "example"
                                | "instance"
                                | "in"
                                | "turn"
                                | "fact"
                                | "of"
                                | "course"
                                | "moreover"
                                | "likewise"
                                | "therefore"
                                | "then"
                                | "now"
                                | "again"
                        )
                    });
                if aside && c > lo {
                    j = c;
                }
            }
        }
        if j <= lo {
            return None;
        }
        // `Mike Lee, who declared …`: `who`, standing for the name before it
        if j >= lo + 3 && self.antecedent(j - 1, lo).is_some() {
            return Some(Np {
                s: j - 1,
                e: j,
                kind: NpKind::Rel,
            });
        }
        match self.p(j - 1) {
            ',' => {
                // `Hussain, who is also a general, told` — the comma that opens it
                let floor = j.saturating_sub(45).max(lo);
                let mut c = j - 1;
                while c > floor {
                    c -= 1;
                    if self.in_quote(c) || matches!(self.p(c), '.' | ';' | ':') {
                        return None;
                    }
                    if self.p(c) == ',' {
                        // `A top strategist, John Weaver, tells …`: the name in between
                        if let Some(np) = self.np_after(c + 1, j - 1) {
                            if np.kind == NpKind::Name && np.e == j - 1 {
                                return Some(np);
                            }
                        }
                        // (`Rep. Bobby Scott (D-Va.), ranking member …, said`: past the
                        // parenthesis)
                        let mut e = c;
                        if c > 0 && self.p(c - 1) == ')' {
                            if let Some(open) = (c.saturating_sub(8).max(lo)..c - 1)
                                .rev()
                                .find(|&k| self.p(k) == '(')
                            {
                                e = open;
                            }
                        }
                        if let Some(np) = self.np_core_before(e, lo) {
                            if np.kind != NpKind::Desc || self.has(np.e - 1, class::ROLE) {
                                return Some(np);
                            }
                            // `Several senators, including Smith, said`, `Just over a
                            // third, 35 percent, say`: an inserted example or count
                            let example = matches!(self.word(c + 1), "including" | "like")
                                && (np.s == lo || self.has(np.e - 1, class::GROUP));
                            let count = self.t.get(c + 1).is_some_and(|t| t.number);
                            if (example || count) && e == c {
                                return Some(np);
                            }
                        }
                    }
                }
                None
            }
            // `Democrats — and some Republicans — say`, `Murphy — after a pause — told`
            '—' | '–' => {
                let floor = j.saturating_sub(30).max(lo);
                let open = (floor..j - 1)
                    .rev()
                    .take_while(|&k| !self.in_quote(k) && !matches!(self.p(k), '.' | ';'))
                    .find(|&k| matches!(self.p(k), '—' | '–'))?;
                self.np_core_before(open, lo)
                    .or_else(|| self.loose_subject(open, lo))
            }
            ')' => {
                let floor = j.saturating_sub(30).max(lo);
                let mut c = j - 1;
                while c > floor {
                    c -= 1;
                    if self.p(c) == '(' {
                        return self.np_core_before(c, lo);
                    }
                }
                None
            }
            _ => {
                let np = self.np_core_before(j, lo)?;
                // `…, DFA spokesman Neil Sroka said`: the job and its modifiers before the name
                if np.kind == NpKind::Name {
                    if let Some(s) = self.job_before(np.s, lo) {
                        return Some(Np {
                            s,
                            e: np.e,
                            kind: NpKind::Desc,
                        });
                    }
                }
                Some(np)
            }
        }
    }

    /// A mention starting at `start`, not past `hi`.
    fn np_after(&self, start: usize, hi: usize) -> Option<Np> {
        let tk = self.t.get(start)?;
        if start >= hi || self.in_quote(start) || !tk.word {
            return None;
        }
        if tk.cls & class::PRON != 0 {
            return Some(Np {
                s: start,
                e: start + 1,
                kind: NpKind::Pron,
            });
        }
        if self.is_name_word(start) {
            let k = self.name_run_end(start, hi);
            // `Former Obama spokesman Robert Gibbs`: lowercase modifiers, then the name
            if let Some(e) = self.premodified_name(k, hi) {
                return Some(Np {
                    s: start,
                    e,
                    kind: NpKind::Desc,
                });
            }
            return Some(Np {
                s: start,
                e: k,
                kind: NpKind::Name,
            });
        }
        // `former tech executive Carly Fiorina`, `pollster Frank Luntz`
        if let Some(e) = self.premodified_name(start, hi) {
            return Some(Np {
                s: start,
                e,
                kind: NpKind::Desc,
            });
        }
        // `federal prosecutors`, `senior administration officials`
        if !tk.cap && tk.cls & class::GROUP == 0 {
            let mut k = start;
            while k < hi && k < start + 3 && self.modifier_word(k) && !self.has(k, class::GROUP) {
                k += 1;
            }
            if k > start && k < hi && self.has(k, class::GROUP) && !self.t[k].cap {
                return Some(Np {
                    s: start,
                    e: k + 1,
                    kind: NpKind::Desc,
                });
            }
        }
        if tk.cls & class::DET != 0 {
            let mut k = start + 1;
            let mut limit = start + 7;
            while k < hi && k < limit {
                let Some(tj) = self.t.get(k) else { break };
                // `the conservative-leaning newspaper`, `the 43-year-old`: a hyphen glued
                // between two words
                if k + 1 < hi && self.glued_hyphen(k) {
                    k += 1;
                    limit += 1;
                    continue;
                }
                // (`the report said`: a cue word right after the determiner and before
                // a cue is the head noun)
                let head = k == start + 1 && self.is_cue_word(k + 1) && !self.in_quote(k + 1);
                let cue = tj.cls & class::CUE != 0 && !tj.cap && !head;
                // a finite verb after the head ends it (`the lawyer opened …`)
                let verb = k >= start + 2 && !tj.cap && self.finite(k);
                if !tj.word
                    || self.in_quote(k)
                    || cue
                    || verb
                    || tj.cls & (class::STOP | class::THAT | class::FILLER | class::DET) != 0
                {
                    break;
                }
                k += 1;
            }
            if k > start + 1 {
                return Some(Np {
                    s: start,
                    e: k,
                    kind: NpKind::Desc,
                });
            }
            return None;
        }
        if tk.cls & class::GROUP != 0 {
            return Some(Np {
                s: start,
                e: start + 1,
                kind: NpKind::Desc,
            });
        }
        None
    }

    /// `Hussain said` / `Hussain, who …, told` / `the officer said` from `start`: the
    /// speaker and the cue token.
    fn subject_then_cue(&self, start: usize, hi: usize) -> Option<(Np, usize)> {
        let mut np = self.np_after(start, hi)?;
        let mut k = np.e;
        // `the Zionist Union Party’s Nachman Shai told`
        if matches!(self.word(k), "’s" | "'s") {
            if let Some(owner) = self.np_after(k + 1, hi) {
                np = owner;
                k = np.e;
            }
        }
        // `a welcome message on the website reads`
        if self.has(k, class::STOP) && !self.has(k, class::CUE) && np.kind != NpKind::Pron {
            let mut j = k + 1;
            while j < hi && j < k + 7 && self.t[j].word && !self.is_cue_word(j) {
                j += 1;
            }
            if j < hi && j < k + 7 && self.is_cue_word(j) && !self.in_quote(j) {
                return Some((np, j));
            }
        }
        if self.p(k) == ',' || self.p(k) == '(' {
            let close = if self.p(k) == ',' { ',' } else { ')' };
            let mut j = k + 1;
            while j < hi && j < k + 45 {
                if self.p(j) == close || matches!(self.p(j), '.' | ';') || self.in_quote(j) {
                    break;
                }
                j += 1;
            }
            if self.p(j) != close {
                return None;
            }
            k = j + 1;
        }
        let mut skipped = 0;
        while k < hi && self.has(k, class::FILLER) && skipped < 3 {
            k += 1;
            skipped += 1;
        }
        (k < hi && self.is_cue_word(k) && !self.in_quote(k)).then_some((np, k))
    }

    // ---------------------------------------------------------------- direct quotes

    fn para_end(&self, i: usize) -> usize {
        let Some(p) = self.t.get(i).map(|t| t.para) else {
            return i;
        };
        let mut j = i;
        while j < self.t.len() && self.t[j].para == p && j < i + 80 {
            j += 1;
        }
        j
    }

    /// A quote attributed after its closing mark: direct, or partial when it closes a
    /// sentence that opens with words of the writer (`The bill’s failure was
    /// “heartbreaking,” she said.`): the partial quote spans those words and the fragment.
    fn push_after(&mut self, qi: usize, np: Np, cue: (usize, usize), conf: f32) {
        let q = self.quotes[qi];
        let (lo, _) = self.sent_range(q.open);
        let mut s = q.open;
        while s > lo {
            let j = s - 1;
            let tk = self.t[j];
            let stop = self.in_quote(j)
                || matches!(tk.p, ':' | ';' | '.' | '?' | '!')
                || is_quote_char(tk.p)
                || (tk.cls & class::CUE != 0 && !self.noun_use(j))
                || self.phrase_at(j, q.open).is_some();
            if stop || tk.para != self.t[q.open].para || q.open - j > 30 {
                break;
            }
            s = j;
        }
        // the sentence must start there, and words of the writer must come before the mark
        let starts = s == lo || (s > 0 && matches!(self.p(s - 1), '.' | '?' | '!'));
        let words = (s..q.open).filter(|&j| self.t[j].word).count();
        // (or a fragment opening right after a word, in a clause that holds a cue word of its
        // own: `Nothing the president said “will assuage …,” the senator said`)
        let (starts, s, words) = match self.mid_fragment(&q, lo) {
            Some(f) if !starts => (true, f, 1),
            _ => (starts, s, words),
        };
        let before = self.attrs.len();
        self.push_quote(qi, QuoteKind::Direct, Some(np), Some(cue), conf);
        // (only the attribution just made: an empty quote makes none)
        if starts && words > 0 && !q.dash && self.attrs.len() > before {
            if let (Some(at), Some(first)) = (self.attrs.last_mut(), self.t.get(s)) {
                if first.s < at.ce {
                    at.kind = QuoteKind::Partial;
                    at.cs = first.s;
                }
            }
        }
    }

    /// The first word of the sentence `lo..` when quote `q` opens right after a word of
    /// it and closes on a comma (`… said “will assuage people’s fears,” X said`): the
    /// quote is a fragment of that sentence.
    fn mid_fragment(&self, q: &QSpan, lo: usize) -> Option<usize> {
        if q.dash || q.open <= lo || !self.t[q.open - 1].word {
            return None;
        }
        let comma = self.p(q.close.saturating_sub(1)) == ',' || self.p(q.close + 1) == ',';
        let para = self.t[lo].para == self.t[q.open].para;
        if !comma || !para || (lo..q.open).any(|j| self.in_quote(j) || is_quote_char(self.p(j))) {
            return None;
        }
        (lo..q.open).find(|&j| self.t[j].word)
    }

    /// A dash and a name at token `k` that sign the quote closing just before: a
    /// paragraph `- Name.` (or `— Name, role.`) after the quote's paragraph, or on
    /// the quote's own line `“…” ― Name` ending the line or followed by the next
    /// quote (collections of readers' voices): the name.
    fn signature(&self, k: usize) -> Option<Np> {
        let prev = self.t.get(k.checked_sub(1)?)?;
        let tk = self.t.get(k)?;
        if !matches!(tk.p, '-' | '—' | '–' | '―') {
            return None;
        }
        let same_line = tk.para == prev.para;
        if same_line && !is_quote_char(prev.p) {
            return None;
        }
        let np = self.np_after(k + 1, self.para_end(k))?;
        let ends = self.t.get(np.e).map_or(true, |t| {
            t.para != tk.para
                || (!same_line && t.p == ',')
                || (t.p == '.'
                    && self.t.get(np.e + 1).map_or(true, |u| {
                        u.para != tk.para || (same_line && is_quote_char(u.p) && self.opens(u.p))
                    }))
                || (same_line && is_quote_char(t.p) && self.opens(t.p))
        });
        (np.kind == NpKind::Name && ends).then_some(np)
    }

    /// An intention word used as a noun (`have plans to`, `the plan`, `a wish`, `the tax
    /// plan will …`).
    fn intent_noun(&self, k: usize) -> bool {
        self.noun_use(k)
            || is_auxiliary(self.word(k + 1))
            || matches!(self.word(k + 1), "of" | "for" | "is" | "was")
            || (k > 0
                && matches!(self.word(k - 1), "have" | "has" | "had" | "no")
                && matches!(self.word(k), "plan" | "plans" | "wish" | "aim" | "aims"))
    }

    /// A cue word used as a noun (`secretary of state`, `the states`, `a tweet`).
    fn noun_use(&self, k: usize) -> bool {
        k > 0
            && (self.has(k - 1, class::DET)
                || matches!(self.word(k - 1), "of" | "’s" | "'s")
                || self.word(k - 1).ends_with("’s")
                || self.word(k - 1).ends_with("'s"))
    }

    /// A cue word that can only be a noun: right after an article or a demonstrative
    /// (`the report`, `a claim`, `these calls`). (After a possessive it is often a
    /// nominal attribution, `Pence’s call for [a special prosecutor]`, left as it is.)
    fn possessed(&self, k: usize) -> bool {
        k > 0
            && matches!(
                self.word(k - 1),
                "the" | "The" | "a" | "A" | "an" | "An" | "these" | "These" | "those" | "Those"
            )
    }

    /// `attack`/`attacks` and lowercase `states` on their noun reading: the verb needs a
    /// subject right before it (`she attacks`, `an ad that attacks`, `the memo states`),
    /// the noun comes after a possessive (`Sanders’ attacks on`), an article or an
    /// adjective (`a pre-emptive attack against`), a count (`the 20 states`) or a
    /// place word (`Western states`).
    fn noun_head(&self, c: usize) -> bool {
        let w = self.word(c);
        if c == 0 || !matches!(w, "attack" | "attacks" | "states") {
            return false;
        }
        let prev = self.word(c - 1);
        if self.has(c - 1, class::PRON) || matches!(prev, "that" | "which" | "who" | "to") {
            return false;
        }
        let possessive = prev.ends_with('’')
            || prev.ends_with('\'')
            || prev.ends_with("’s")
            || prev.ends_with("'s");
        // (`attacks on`, `attack against`: the noun's complement)
        if possessive || (w != "states" && matches!(self.word(c + 1), "on" | "against")) {
            return true;
        }
        let Some(pt) = self.t.get(c - 1) else {
            return false;
        };
        // (a name as the subject: `Sanders attacks her`, not `the Benghazi attack`)
        if pt.word && pt.cap && w != "states" && !self.has(c.saturating_sub(2), class::DET) {
            return prev == "Such";
        }
        (!pt.word && !matches!(pt.p, '—' | '–'))
            || pt.number
            || pt.cap
            || self.has(c - 1, class::DET)
            || ["ing", "er", "ern", "al", "ive", "ic", "ry", "ist"]
                .iter()
                .any(|e| prev.ends_with(e))
            || matches!(
                prev,
                "other"
                    | "and"
                    | "or"
                    | "dozen"
                    | "many"
                    | "several"
                    | "few"
                    | "all"
                    | "both"
                    | "some"
                    | "of"
                    | "such"
                    | "new"
                    | "terror"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
            )
    }

    /// A title-case quote of a few words named as a work in passing: after `on`, a
    /// possessive or a `media` noun (`on NBC’s “Early Today,” X said`, `in her memoir,
    /// “Hard Roads.”`, `the show “Night Court”`): a title, not speech.
    fn named_work(&self, q: &QSpan) -> bool {
        if q.dash || q.open == 0 || q.close > q.open + 12 {
            return false;
        }
        let mut words = (q.open + 1..q.close).filter(|&j| self.t[j].word).peekable();
        if words.peek().map_or(true, |&j| !self.t[j].cap) {
            return false;
        }
        if !words.all(|j| self.t[j].cap || self.has(j, class::CONN | class::STOP | class::DET)) {
            return false;
        }
        let mut k = q.open - 1;
        if self.p(k) == ',' && k > 0 {
            k -= 1;
        }
        matches!(self.word(k), "on" | "’s" | "'s")
            || self.word(k).ends_with("’s")
            || self.word(k).ends_with("'s")
            || (self.has(k, class::MEDIA) && !self.t[k].cap)
    }

    /// `“…,” said retired surgeon Ben Carson, …` / `said master of ceremonies Ali Tabchi.`:
    /// right after an inverted cue, up to six lowercase words (with `of`, `the`) describe
    /// the name that follows and ends the attribution.
    fn inverted_description(&self, a: usize, hi: usize) -> Option<Np> {
        let mut j = a;
        // (a cue word inside the description: `secretary of state`)
        let inner_cue = |j: usize| j > a && self.has(j, class::CUE) && !self.t[j].cap;
        while j < hi
            && j < a + 6
            && (self.modifier_word(j) || matches!(self.word(j), "of" | "the") || inner_cue(j))
        {
            j += 1;
        }
        let last = self.modifier_word(j - 1) || inner_cue(j - 1);
        if j == a || j >= hi || !last || !self.is_name_word(j) {
            return None;
        }
        let e = self.name_run_end(j, hi);
        (e > j && matches!(self.p(e), ',' | '.')).then_some(Np {
            s: a,
            e,
            kind: NpKind::Desc,
        })
    }

    /// A quote attributed right after its closing mark or right before its opening mark.
    fn direct(&mut self, qi: usize) {
        let q = self.quotes[qi];
        if self.named_work(&q) {
            return;
        }
        let n = self.t.len();
        let last = q.close.saturating_sub(1);
        let ended = matches!(self.p(last), '.') && q.close > q.open + 1;
        // after: `“…,” Hussain said` / `“…,” said Hussain` / `“…”, according to X`
        let mut j = q.close + usize::from(!q.dash);
        if q.dash && self.p(q.close) == ',' {
            j = q.close + 1;
        }
        let hi = self.para_end(j.min(n.saturating_sub(1)));
        while j < hi && matches!(self.p(j), ',' | '—' | '–') {
            j += 1;
        }
        let lower_next = self.t.get(j).is_some_and(|t| !t.cap);
        // `“… missing.” Trump said.`: a sentence of its own that only attributes
        let same_para = self
            .t
            .get(j)
            .is_some_and(|t| t.para == self.t[q.close.min(n - 1)].para);
        let attributes = ended && !lower_next && same_para && self.bare_attribution(j, hi);
        // (never in the next paragraph: `“Why?”` ending one does not take its subject)
        if j < hi
            && same_para
            && (!ended || lower_next || attributes)
            && !self.cue_opens_next(qi, j)
        {
            let (sa, sb) = self.sent_range(j);
            let hi = hi.min(sb.max(j + 1) + 40);
            let _ = sa;
            if let Some(pr) = self.split_cue(j) {
                let (s, e) = (self.t[j].s, pr.0);
                let _ = (s, e);
                self.push_quote(
                    qi,
                    QuoteKind::Direct,
                    Some(Np {
                        s: j,
                        e: j + 1,
                        kind: NpKind::Pron,
                    }),
                    Some((j, j + 1)),
                    0.85,
                );
                return;
            }
            let mut c = j;
            if self.has(c, class::FILLER) && self.is_cue_word(c + 1) {
                c += 1;
            }
            // (`“…,” saying the town …`: a participle opens a clause, not an inverted
            // attribution)
            if self.is_cue_word(c) && !self.word(c).ends_with("ing") {
                // `dit-il`, `a-t-il déclaré` split by the tokenizer
                let mut a = c + 1;
                if self.p(a) == '-' {
                    a += 1;
                    if self.word(a) == "t" && self.p(a + 1) == '-' {
                        a += 2;
                    }
                }
                if let Some(np) = self.np_after(a, hi) {
                    let conf = conf_of(np.kind, 0.95);
                    self.push_after(qi, np, (c, c + 1), conf);
                    return;
                }
                if let Some(np) = self.inverted_description(a, hi) {
                    self.push_after(qi, np, (c, c + 1), 0.85);
                    return;
                }
            }
            if let Some((np, c)) = self.subject_then_cue(j, hi) {
                let conf = conf_of(np.kind, 0.95);
                self.push_after(qi, np, (c, c + 1), conf);
                return;
            }
            if let Some((np, cue)) = self.phrase_at(j, hi) {
                self.push_after(qi, np, cue, 0.85);
                return;
            }
            // `“…?” Hannity pressed.`: any past-tense verb after a person's name or pronoun,
            // when the quote ends with a comma, a question or an exclamation
            let open_end = matches!(self.p(last), ',' | '?' | '!');
            if let Some(np) = self.np_after(j, hi).filter(|_| open_end) {
                let v = np.e;
                let w = self.word(v);
                // (`shot back`: an irregular past before `back`)
                let back = self.word(v + 1) == "back";
                let past = self.t.get(v).is_some_and(|t| t.word && !t.cap)
                    && w.len() > 3
                    && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")) || back)
                    && !self.has(v, class::STOP | class::DET | class::THAT);
                let person = matches!(np.kind, NpKind::Name | NpKind::Pron);
                // (`he points out.`)
                let particle = matches!(self.word(v + 1), "out" | "back" | "up" | "on");
                let end = v + 1 + usize::from(particle);
                if past && person && matches!(self.p(end), '.' | ',') {
                    self.push_quote(qi, QuoteKind::Direct, Some(np), Some((v, v + 1)), 0.6);
                    return;
                }
            }
            // `“…?” asked Trump.`: inverted
            let w = self.word(j);
            let past = open_end
                && self.t.get(j).is_some_and(|t| t.word && !t.cap)
                && w.len() > 3
                && w.ends_with("ed");
            if let Some(np) = self.np_after(j + 1, hi).filter(|_| past) {
                if np.kind == NpKind::Name && matches!(self.p(np.e), '.' | ',') {
                    self.push_quote(qi, QuoteKind::Direct, Some(np), Some((j, j + 1)), 0.6);
                    return;
                }
            }
        }
        // a signature line after it: `“…”` / `- Hillary Clinton.`
        if let Some(np) = self.signature(q.close + 1) {
            self.push_quote(
                qi,
                QuoteKind::Direct,
                Some(np),
                Some((q.close + 1, q.close + 2)),
                0.7,
            );
            return;
        }
        // before: `Hussain said: “…”` / `said Hussain, “…”`
        if q.dash || q.open == 0 {
            return;
        }
        let mut j = q.open;
        if matches!(self.p(j - 1), ':' | ',') {
            j -= 1;
        }
        if j == 0 {
            return;
        }
        let cross = self.t[j - 1].para != self.t[q.open].para;
        if cross && self.p(j) != ':' {
            return;
        }
        let c = j - 1;
        if self.in_quote(c) {
            return;
        }
        let lo = self.sent_range(c).0.min(c);
        if j == q.open && self.words_after_close(&q) {
            return; // `says “…” despite …`: a fragment of reported speech
        }
        if self.is_cue_word(c) && self.t[c].cls & class::NOUN == 0 {
            if let Some(np) = self.np_before(c, lo) {
                let conf = conf_of(np.kind, 0.93);
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
                self.lower_fragment(qi, np, c);
                self.topic_opener(qi, np, lo);
                return;
            }
            if let Some(np) = self.np_after(c + 1, j) {
                let conf = conf_of(np.kind, 0.9);
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
                return;
            }
            // `“A,” he said, adding, “B.”`: a quote of its own, cued by the participle
            if let Some(np) = self.clause_subject(c, lo) {
                let conf = conf_of(np.kind, 0.85);
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
                return;
            }
            // `“A,” X said before adding: “B.”`: a second cue of the same speaker
            if let Some(np) = self.chained_cue(c) {
                let conf = conf_of(np.kind, 0.8);
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
                return;
            }
            if j < q.open {
                if let Some(np) = self.subject_before_cue(c, lo) {
                    let conf = conf_of(np.kind, 0.8);
                    self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), conf);
                    self.lower_fragment(qi, np, c);
                    return;
                }
            }
        }
        // `As the magazine put it, “…”` / `X put it: “…”`
        if c > 0 && j < q.open && self.word(c) == "it" && matches!(self.word(c - 1), "put" | "puts")
        {
            if let Some(np) = self.np_before(c - 1, lo) {
                let conf = conf_of(np.kind, 0.88);
                self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c - 1, c + 1)), conf);
                return;
            }
        }
        // `said Hussain: “…”` / `Hussain told reporters: “…”`
        if self.p(j) == ':' || self.p(j) == ',' {
            let floor = c.saturating_sub(8).max(lo);
            let mut k = c;
            // a cue word inside a name (`told the Washington Post in a written statement,
            // “…”`) is taken only when no other cue comes before it
            let mut in_name = None;
            let mut tried = false;
            while k > floor {
                k -= 1;
                // (not after a determiner: `in a written statement`)
                if self.is_cue_word(k) && !self.in_quote(k) && !self.noun_use(k) {
                    if k > lo && self.t[k].cap && self.t[k - 1].cap {
                        in_name = in_name.or(Some(k));
                        continue;
                    }
                    if self.cue_before_mark(qi, k, j, lo) {
                        return;
                    }
                    tried = true;
                    break;
                }
                if let Some((np, cue)) = self.phrase_at(k, j) {
                    self.push_quote(qi, QuoteKind::Direct, Some(np), Some(cue), 0.85);
                    return;
                }
            }
            if let (Some(k), false) = (in_name, tried) {
                if self.cue_before_mark(qi, k, j, lo) {
                    return;
                }
            }
        }
        // `Trump: “…”` / `The headline reads: “…”`: the sentence's subject
        if self.p(j) == ':' {
            // (past an opening phrase: `In response, X issued a statement: “…”`)
            let np = self.colon_subject(lo, j);
            let np = np.or_else(|| self.np_after(lo, j)).or_else(|| {
                let (np, v) = self.sentence_subject(lo, j)?;
                let w = self.word(v);
                let verb = self.has(v, class::CUE | class::ACT) || w.ends_with("ed");
                verb.then_some(np)
            });
            if let Some(np) = np {
                if np.kind != NpKind::Pron || np.s == lo {
                    self.push_quote(qi, QuoteKind::Direct, Some(np), Some((j, j + 1)), 0.6);
                }
            }
        }
        if !self.qdone[qi] {
            self.verb_led(qi, j, lo);
        }
    }

    /// `Republican nominee Jo Okafor issued the following statement: “…”`: the subject
    /// before the first verb of a sentence that introduces a quote with its colon, past an
    /// opening phrase (`In response to the attack, …`); the job and its modifiers before
    /// the name belong to the speaker (see [`Self::np_before`]).
    fn colon_subject(&self, lo: usize, j: usize) -> Option<Np> {
        let mut s = lo;
        if self.has(s, class::STOP) {
            s = (s..j.min(s + 12)).find(|&k| self.p(k) == ',')? + 1;
        }
        let v = (s + 1..j).find(|&v| {
            let t = self.t[v];
            t.word
                && !t.cap
                && !self.in_quote(v)
                && (self.finite(v) || self.has(v, class::CUE | class::ACT))
        })?;
        let np = self.np_before(v, s)?;
        // (the whole subject: nothing but the mention between the opening and its verb)
        (np.s == s && np.kind != NpKind::Pron).then_some(np)
    }

    /// `Mrs. Vidal shook her head and said, “No.”`, `Asked why, he demurred: “…”`, `X,
    /// …, interrupted me to announce, “…”`: a sentence quoted right after a verb and its
    /// comma or colon, whose speaker the searches before missed: the subject of the
    /// verb's clause.
    fn verb_led(&mut self, qi: usize, j: usize, lo: usize) {
        let Some(q) = self.quotes.get(qi).copied() else {
            return;
        };
        if j == 0 || j >= q.open || !matches!(self.p(j), ',' | ':') {
            return;
        }
        let c = j - 1;
        let Some(tk) = self.t.get(c).copied() else {
            return;
        };
        if !tk.word || tk.cap || self.in_quote(c) || self.noun_use(c) {
            return;
        }
        let w = self.word(c);
        // (`shot back,`)
        let back = w == "back" && c > 0 && self.t[c - 1].word && !self.t[c - 1].cap;
        let verb = (self.is_cue_word(c) && tk.cls & class::NOUN == 0)
            || (w.len() > 4 && w.ends_with("ed"))
            || back;
        // a sentence: it opens with a capital
        let first = (q.open + 1..q.close).find(|&k| self.t[k].word);
        if !verb || first.map_or(true, |f| !self.t[f].cap) {
            return;
        }
        // (right before the verb: `Ned circled it as his friends jeered, “…”`)
        let right_before = if self.is_cue_word(c) {
            None
        } else {
            self.np_before(c, lo)
                .filter(|np| matches!(np.kind, NpKind::Name | NpKind::Pron | NpKind::Desc))
        };
        if let Some(np) = right_before.or_else(|| self.clause_np(c, lo)) {
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((c, c + 1)), 0.6);
        }
    }

    /// The subject of the clause holding the verb at `c`: the mention that opens the
    /// clause (after a comma, or at the sentence start `lo`) and is followed by a
    /// lowercase word, trying at most three clauses back.
    fn clause_np(&self, c: usize, lo: usize) -> Option<Np> {
        let mut k = c;
        // the clause after the last comma opens with a verb: `X, …, interrupted me`
        let mut verb_next = false;
        for _ in 0..4 {
            let start = (lo..k)
                .rev()
                .find(|&i| matches!(self.p(i), ',' | ';' | '—' | '–') || is_quote_char(self.p(i)))
                .map_or(lo, |i| i + 1);
            if (start..c).any(|i| self.in_quote(i)) {
                return None;
            }
            let mut s = start;
            while s + 1 < c && self.has(s, class::FILLER | class::CONN) {
                s += 1;
            }
            if let Some(np) = self.np_after(s, c) {
                let mut v = np.e;
                while v < c && (self.has(v, class::FILLER) || self.adverb(v)) {
                    v += 1;
                }
                let verb = self.t.get(v).is_some_and(|t| {
                    t.word
                        && !t.cap
                        && (t.cls & (class::DET | class::STOP | class::PRON | class::THAT) == 0
                            || is_auxiliary(self.word(v)))
                });
                if v <= c && verb {
                    return Some(np);
                }
                // (`Tom Reyes, interrupted`: the name alone between two commas)
                if verb_next && np.kind == NpKind::Name && v == k && self.p(k) == ',' {
                    return Some(np);
                }
            }
            if start <= lo || is_quote_char(self.p(start - 1)) {
                return None;
            }
            verb_next = self.t.get(start).is_some_and(|t| {
                t.word && !t.cap && t.cls & (class::DET | class::STOP | class::PRON) == 0
            });
            k = start - 1;
        }
        None
    }

    /// `said Hussain: “…”` / `Hussain told reporters: “…”`: the quote opening at the mark
    /// after `j` attributed to the speaker of the cue word `k` before it; false when it has
    /// none.
    fn cue_before_mark(&mut self, qi: usize, k: usize, j: usize, lo: usize) -> bool {
        if let Some(np) = self.np_before(k, lo) {
            let conf = conf_of(np.kind, 0.88);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((k, k + 1)), conf);
            self.lower_fragment(qi, np, k);
            return true;
        }
        if let Some(np) = self.np_after(k + 1, j) {
            let conf = conf_of(np.kind, 0.88);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((k, k + 1)), conf);
            return true;
        }
        // `X went on to say, “…”` / `X, …, saying at one point, “…”`: the subject of the
        // sentence
        if let Some(np) = self.subject_before_cue(k, lo) {
            let conf = conf_of(np.kind, 0.8);
            self.push_quote(qi, QuoteKind::Direct, Some(np), Some((k, k + 1)), conf);
            self.lower_fragment(qi, np, k);
            return true;
        }
        false
    }

    /// A quote after its cue that opens in lowercase, in a sentence that starts before its
    /// speaker (`Sooner or later, the mayor told reporters, “it will pay off.”`) or that
    /// reports with `that` (`X told him that if …, “come and take it.”`): a fragment of
    /// reported speech, partial, spanning from the sentence start (or after `that`).
    fn lower_fragment(&mut self, qi: usize, np: Np, cue: usize) {
        let q = self.quotes[qi];
        let Some(at) = self.qattr.get(qi).copied() else {
            return;
        };
        let first = (q.open + 1..q.close).find(|&j| self.t[j].word);
        if first.map_or(true, |f| self.t[f].cap) || at == NONE {
            return;
        }
        let (lo, _) = self.sent_range(q.open);
        // the second part of a quotation interrupted by its attribution (`“A,” X said, “b”`)
        // continues it; `As X wrote, “…”` quotes whole words
        if (lo..np.s).any(|j| self.in_quote(j)) || matches!(self.word(lo), "As" | "as") {
            return;
        }
        let that = (cue + 1..q.open).find(|&j| self.has(j, class::THAT) && !self.in_quote(j));
        let start = match that {
            Some(th) => th + 1,
            // `…, the mayor told reporters, “it …”`
            None if self.p(q.open - 1) == ',' => {
                // (only words fronted before the speaker's comma, `The reality is, he
                // added, “…”`; not `X asked for a photo and Y said, “as long as …”`)
                let fronted = np.s > lo && self.p(np.s - 1) == ',';
                if !fronted {
                    return;
                }
                let Some(s) = (lo..np.s).find(|&j| self.t[j].word) else {
                    return;
                };
                s
            }
            None => return,
        };
        if let (Some(a), Some(tk)) = (self.attrs.get_mut(at as usize), self.t.get(start)) {
            if tk.s < a.cs {
                a.kind = QuoteKind::Partial;
                a.cs = tk.s;
            }
        }
    }

    /// `Of the plan, X said, “…”`, `As for Y, she said, “…”`: a sentence that opens with
    /// its topic before the speaker reports from its start, partial.
    fn topic_opener(&mut self, qi: usize, np: Np, lo: usize) {
        let q = self.quotes[qi];
        let Some(at) = self.qattr.get(qi).copied().filter(|&a| a != NONE) else {
            return;
        };
        let opens = self.word(lo) == "Of" || (self.word(lo) == "As" && self.word(lo + 1) == "for");
        let framed = np.s > lo + 2
            && self.p(np.s - 1) == ','
            && q.open > np.s
            && self.p(q.open - 1) == ','
            && (lo..q.open).all(|j| !self.in_quote(j) && !is_quote_char(self.p(j)));
        if !opens || !framed {
            return;
        }
        if let (Some(a), Some(tk)) = (self.attrs.get_mut(at as usize), self.t.get(lo)) {
            if tk.s < a.cs {
                a.kind = QuoteKind::Partial;
                a.cs = tk.s;
            }
        }
    }

    /// `Trump said.` / `Trump said Tuesday.` at `j`: a speaker and its cue, and nothing
    /// else in the sentence.
    fn bare_attribution(&self, j: usize, hi: usize) -> bool {
        let Some((_, c)) = self.subject_then_cue(j, hi) else {
            return false;
        };
        // `said.`, `said Tuesday.`: nothing else follows in the sentence
        let mut next = c + 1;
        while next < hi && next < c + 3 && self.has(next, class::TIME) {
            next += 1;
        }
        self.p(next) == '.'
    }

    /// A paragraph opening with its speaker's name and a colon, as in transcripts and
    /// summaries (`JAKE TAPPER: Donald Trump released a video.`, `Lewandowski: FBI
    /// director acted as judge`): the rest of the paragraph is the speaker's.
    fn speaker_labels(&mut self) {
        let n = self.t.len();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut i = 0;
        while i < n {
            let para = self.t[i].para;
            let mut end = i;
            while end < n && self.t[end].para == para {
                end += 1;
            }
            if para > 0 {
                if let Some(c) = self.speaker_label(i, end) {
                    found.push((i, c, end));
                }
            }
            i = end;
        }
        // an all-caps label is a speaker only in a transcript, where such labels come
        // back (`ISLAMABAD:` opening a dispatch is a dateline)
        let caps = |a: &Self, s: usize, c: usize| {
            (s..c).all(|j| !a.word(j).chars().any(char::is_lowercase))
        };
        let transcript = found.iter().filter(|&&(s, c, _)| caps(self, s, c)).count() >= 2;
        for &(s, c, end) in &found {
            if caps(self, s, c) && !transcript {
                continue;
            }
            let np = Np {
                s,
                e: c,
                kind: NpKind::Name,
            };
            let mut e = end;
            while e > c + 1 && matches!(self.p(e - 1), '.' | ',' | ';') {
                e -= 1;
            }
            self.emit_clause(c + 1, e, np, (c, c + 1), 0.55);
        }
    }

    /// The colon of a paragraph `s..end` that opens with a speaker label.
    fn speaker_label(&self, s: usize, end: usize) -> Option<usize> {
        let c = (s + 1..end.min(s + 6)).find(|&j| self.p(j) == ':')?;
        if self.in_quote(c) || end < c + 5 || self.p(end - 1) == '?' {
            return None;
        }
        // every word of the label is a name word (`JAKE TAPPER`, `Lewandowski`, `Q`)
        let label = (s..c).all(|j| self.is_name_word(j) && !self.has(j, class::TIME));
        let known =
            (s..c).any(|j| self.lex.classes(&self.word(j).to_lowercase()) & class::NOLABEL != 0);
        (label && !known).then_some(c)
    }

    /// A headline that names its source before a colon (`Vole: Tax Plan ‘Will Fail’`):
    /// what follows the colon is the source's statement, partial when it holds a quote.
    fn headline(&mut self) {
        let n = self.t.len();
        let hi = (0..n).find(|&j| self.t[j].para != 0).unwrap_or(n);
        let Some(c) = (1..hi.min(8)).find(|&j| self.p(j) == ':') else {
            return;
        };
        let mut end = hi;
        while end > c + 1 && matches!(self.p(end - 1), '.' | ',' | ';') {
            end -= 1;
        }
        // `Poll: …?` and all-caps labels (`BREAKING: …`) are not statements
        if end < c + 4 || self.p(end - 1) == '?' {
            return;
        }
        let label = (0..c).any(|j| {
            let w = self.word(j);
            self.t[j].word && w.chars().count() > 1 && !w.chars().any(char::is_lowercase)
        });
        // (`Breaking: …`, `Just Leaked: …`: a kicker, no source)
        let kicker = (0..c).any(|j| self.has(j, class::NOLABEL));
        if label || kicker || self.has(0, class::DET | class::STOP) {
            return;
        }
        let Some(np) = self.np_after(0, c) else {
            return;
        };
        if np.kind != NpKind::Name || np.e != c {
            return;
        }
        self.emit_clause(c + 1, end, np, (c, c + 1), 0.6);
    }

    /// Whether words follow the closing mark before the sentence ends.
    fn words_after_close(&self, q: &QSpan) -> bool {
        let (_, hi) = self.sent_range(q.close);
        (q.close + 1..hi).any(|j| self.t[j].word && !self.in_quote(j))
    }

    /// A source phrase (`according to X`) starting at token `i`: its speaker and the
    /// phrase's token range.
    #[inline]
    fn phrase_at(&self, i: usize, hi: usize) -> Option<(Np, (usize, usize))> {
        if !self.has(i, class::PHRASE) {
            return None;
        }
        self.phrase_from(i, hi)
    }

    /// [`Self::phrase_at`] past its quick check (token `i` may open a phrase): kept out of
    /// line, as most tokens fail that check.
    fn phrase_from(&self, i: usize, hi: usize) -> Option<(Np, (usize, usize))> {
        if i >= hi {
            return None;
        }
        // (the first word, lowercased once for every phrase)
        let mut first = String::new();
        crate::lowercase_into(&mut first, self.word(i));
        'phrases: for ph in &self.lex.phrases {
            if ph.first() != Some(&first) {
                continue;
            }
            for (k, w) in ph.iter().enumerate().skip(1) {
                if i + k >= hi || !lexicon::lower_eq(self.word(i + k), w) {
                    continue 'phrases;
                }
            }
            let end = i + ph.len();
            let np = self
                .np_after(end, hi)
                .or_else(|| self.source_words(end, hi))?;
            // `citing officials` names a source; `citing statistics about …` is a speech
            // act with its object (left to the verb)
            let act = self.has(i, class::ACT)
                && np.kind == NpKind::Desc
                && !self.has(
                    np.e - 1,
                    class::ROLE | class::GROUP | class::AGENT | class::ORG | class::NOUN,
                );
            if act {
                return None;
            }
            return Some((np, (i, end)));
        }
        None
    }

    /// Any short run of words after a source phrase, up to a comma or the sentence end
    /// (`according to early returns.`, `according to a report in the Register,`).
    fn source_words(&self, start: usize, hi: usize) -> Option<Np> {
        let mut j = start;
        while j < hi && j < start + 8 && self.t[j].word && !self.in_quote(j) {
            j += 1;
        }
        let ends = j >= hi || matches!(self.p(j), ',' | '.' | '!' | '?' | ';');
        (j > start && ends && !self.has(start, class::STOP)).then_some(Np {
            s: start,
            e: j,
            kind: NpKind::Desc,
        })
    }

    // ---------------------------------------------------------------- indirect speech

    fn indirect(&mut self) {
        let n = self.t.len();
        let title = self.title_case_headline();
        let mut i = 0;
        while i < n {
            if self.in_quote(i) || self.cue_used[i] {
                i += 1;
                continue;
            }
            let (lo, hi) = self.sent_range(i);
            if let Some((np, cue)) = self.phrase_at(i, hi) {
                self.phrase_clause(np, cue, lo, hi);
                i = cue.1;
                continue;
            }
            if self.headline_says(i, lo, hi) {
                i += 1;
                continue;
            }
            let tk = self.t[i];
            if tk.cls & class::NOUN != 0 && tk.word && !tk.cap && self.noun_clause(i, hi) {
                i += 1;
                continue;
            }
            if tk.cls & class::APPEAR != 0 && self.config.appearances && tk.word && !tk.cap {
                self.appearance(i, lo, hi);
            }
            if i == lo && self.word(i) == "In" && self.poll_source(i, hi) {
                i += 1;
                continue;
            }
            if i == lo && tk.cap && self.fronted_participle(i, hi) {
                i += 1;
                continue;
            }
            if self.word(i) == "in" && i > lo + 2 && self.trailing_poll(i, lo, hi) {
                i += 1;
                continue;
            }
            if matches!(self.word(i), "Asked" | "asked") && self.asked_clause(i, lo, hi) {
                i += 1;
                continue;
            }
            let verb = tk.cls
                & (class::SPEECH | class::TELL | class::ACT | class::LABEL | class::TOPIC)
                != 0
                || (self.config.beliefs && tk.cls & class::BELIEF != 0)
                || (self.config.stances && tk.cls & class::STANCE != 0)
                || (self.config.intentions && tk.cls & class::INTENT != 0 && !self.intent_noun(i));
            // (a headline in title case capitalises its verb: `Mayor Says Roads Will Reopen`)
            let lower = !tk.cap || (i < title && i > lo);
            if verb && tk.word && lower {
                self.verb_clause(i, lo, hi);
            }
            i += 1;
        }
    }

    /// The end of a first paragraph written in title case (`Mayor Says Roads Will
    /// Reopen`), or 0: most of its longer words are capitalised.
    fn title_case_headline(&self) -> usize {
        let end = self
            .t
            .iter()
            .position(|t| t.para != 0)
            .unwrap_or(self.t.len());
        let (mut caps, mut long) = (0, 0);
        for k in 0..end.min(40) {
            if self.t[k].word && self.word(k).len() >= 4 {
                long += 1;
                caps += usize::from(self.t[k].cap);
            }
        }
        if end <= 40 && long >= 3 && caps * 5 >= long * 4 {
            end
        } else {
            0
        }
    }

    /// A title-case headline `X Says Y …` at `i`: the words after the verb to the clause
    /// end, for the speaker before it. True when it emitted.
    fn headline_says(&mut self, i: usize, lo: usize, hi: usize) -> bool {
        let cue = matches!(self.word(i), "Says" | "Said" | "Tells" | "Warns" | "Claims");
        if !cue || i <= lo || self.in_quote(i) || !self.t.get(i + 1).is_some_and(|t| t.cap) {
            return false;
        }
        // (title case: the word before the speaker's verb is capitalised too)
        if !self.t[i - 1].cap || !self.t[i - 1].word {
            return false;
        }
        let Some(np) = self.np_before(i, lo) else {
            return false;
        };
        let end = self.clause_end(i + 1, hi);
        // (a headline holding quoted words is left to the quotation rules)
        if end < i + 3 || (i + 1..end).any(|j| self.in_quote(j) || is_quote_char(self.p(j))) {
            return false;
        }
        self.emit_clause(i + 1, end, np, (i, i + 1), conf_of(np.kind, 0.6));
        true
    }

    /// A statement noun with its author and a `that` clause: `the charge by X that …`;
    /// the clause (with its `that`) is attributed to the author.
    fn noun_clause(&mut self, i: usize, hi: usize) -> bool {
        // (a possessive author, `X’s claim that …`, was measured: half of what it finds is
        // not annotated, and it costs as much as it gains)
        if self.word(i + 1) != "by" {
            return false;
        }
        let Some(np) = self.np_after(i + 2, hi) else {
            return false;
        };
        let t = np.e;
        if t + 3 >= hi || self.word(t) != "that" || self.in_quote(t) {
            return false;
        }
        // (`the statement that was released`: a relative clause, no content)
        let next = self.word(t + 1);
        let verb = matches!(
            next,
            "is" | "was"
                | "were"
                | "are"
                | "has"
                | "had"
                | "have"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "must"
        ) || (next.ends_with("ed") && !self.t[t + 1].cap);
        if verb {
            return false;
        }
        let end = self.clause_end(t + 1, hi);
        if end < t + 3 {
            return false;
        }
        self.emit_clause(t, end, np, (i, i + 1), conf_of(np.kind, 0.7));
        true
    }

    /// Content after `from` to the end of the sentence, cut before `, adding …` and
    /// stretched to the end of a quote that opens inside it.
    fn clause_end(&self, from: usize, hi: usize) -> usize {
        let mut k = from;
        let mut end = hi;
        // (content holding quoted words keeps its partial quotes whole: no break before
        // the last quoted word)
        let last_quoted = (from..hi).rev().find(|&j| self.in_quote(j));
        // `While X said […], Y …`, `Y, who said […], …`: the clause holding the cue ends
        // at its comma
        let sub = self.fronted_subordinate(from) || self.in_relative(from);
        // (`that if X, Y said …`: the comma closes the reported clause's own fronted clause)
        let fronted = self.opens_subordinate(from);
        while k < hi {
            // (past the quoted words, a coordinated clause still belongs to them: `“A”
            // and she B`, `“A”, but rather B`)
            let quoted = last_quoted.is_some_and(|l| {
                k <= l
                    || self.word(k) == "and"
                    || self.word(k + 1) == "and"
                    || self.word(k + 2) == "rather"
            });
            let inner = !quoted && sub;
            // `…; …`, `…, but …`, `…, and he …`: a new clause
            if k > from + 1 && !quoted && self.clause_break(k) {
                end = k;
                break;
            }
            if self.p(k) == ',' && (self.is_cue_word(k + 1) && !self.t[k + 1].cap) {
                end = k;
                break;
            }
            // `…, and Y said …`, `… while Y argued …`: another attribution begins
            let joint = self.p(k) == ',' || matches!(self.word(k), "and" | "but" | "while");
            if !quoted && k > from + 1 && joint && !fronted && self.new_attribution(k) {
                end = k;
                break;
            }
            if self.p(k) == ',' && (inner && k > from + 1 || self.phrase_at(k + 1, hi).is_some()) {
                end = k;
                break;
            }
            // `… and said …`, `… and threatening …`, `…, before adding …`
            let conj = matches!(self.word(k), "and" | "but") && !self.in_quote(k);
            if conj && k > from + 2 && self.is_cue_word(k + 1) && !self.t[k + 1].cap {
                end = k;
                break;
            }
            // `X said […] and criticized him for …`: a speech act coordinated with the cue
            // (not a passive inside the content, `was arrested and accused of …`)
            if conj && k > from + 2 && self.coordinated_act(k + 1) {
                end = k;
                break;
            }
            if self.p(k) == ','
                && k > from + 2
                && matches!(
                    self.word(k + 1),
                    "before" | "while" | "although" | "though" | "because" | "whereas"
                )
            {
                end = k;
                break;
            }
            if last_quoted.is_some() && !quoted && k > from + 1 && self.after_quote_break(k) {
                end = k;
                break;
            }
            k += 1;
        }
        // a quote that opens inside the content and closes past the sentence
        if end == hi && hi > from {
            let last = hi - 1;
            if let Some(&qi) = self.inq.get(last) {
                if qi != NONE {
                    if let Some(q) = self.quotes.get(qi as usize) {
                        if q.open >= from && !q.dash {
                            end = end.max(q.close + 1);
                        }
                    }
                }
            }
        }
        end
    }

    /// Past the last quoted word of reported content, a token that ends the content: a
    /// spaced dash (`he was “encouraged” by the plan — a modest boost …`), or after a comma
    /// an appositive (`…, a charge that …`), a relative clause (`…, who will face …`) or a
    /// participle (`…,” referring to …`): the writer's words about the quote, not the
    /// speaker's.
    fn after_quote_break(&self, k: usize) -> bool {
        let Some(t) = self.t.get(k) else { return false };
        if self.in_quote(k) {
            return false;
        }
        let spaced = self.text.get(..t.s).is_some_and(|s| s.ends_with(' '));
        let dash =
            !t.word && (matches!(t.p, '—' | '–') || spaced && matches!(self.word(k), "-" | "--"));
        // the word after a comma: `…, X` or, with the comma inside the marks, `…,” X`
        let after_comma = if t.p == ',' {
            Some(k + 1)
        } else if k >= 2 && is_quote_char(self.p(k - 1)) && self.p(k - 2) == ',' {
            Some(k)
        } else {
            None
        };
        // (`…, a charge that …`, `…, who …`, and the writer's participle, `…,” referring
        // to …`, `…,” adding that …`)
        let writer = |j: usize| {
            let w = self.word(j);
            matches!(w, "a" | "an" | "who" | "which" | "whose")
                || w.len() > 5
                    && w.ends_with("ing")
                    && self.t.get(j).is_some_and(|t| t.word && !t.cap)
                    && !matches!(
                        w,
                        "including"
                            | "during"
                            | "according"
                            | "following"
                            | "regarding"
                            | "concerning"
                            | "something"
                            | "nothing"
                            | "anything"
                            | "everything"
                    )
        };
        dash || after_comma.is_some_and(writer)
    }

    /// A finite speech act right after a conjunction (`and criticized him`), not a
    /// passive participle (`and accused of`, `and praised by`).
    fn coordinated_act(&self, k: usize) -> bool {
        self.t
            .get(k)
            .is_some_and(|t| t.word && !t.cap && t.cls & class::ACT != 0 && t.cls & class::CUE == 0)
            && self.word(k).ends_with("ed")
            && !matches!(self.word(k + 1), "of" | "by" | "as" | "for" | "in")
    }

    /// The sentence holding `from` opens with a subordinate clause (`While`, `Although`,
    /// `If`, `When`, `Because`…) that has no comma before `from`.
    fn fronted_subordinate(&self, from: usize) -> bool {
        let (lo, _) = self.sent_range(from);
        let mut j = lo;
        while j < from
            && (!self.t[j].word || matches!(self.word(j), "And" | "But" | "So" | "Yet" | "Even"))
        {
            j += 1;
        }
        let sub = matches!(
            self.lower(j).as_ref(),
            "while"
                | "although"
                | "though"
                | "if"
                | "when"
                | "after"
                | "before"
                | "as"
                | "because"
                | "since"
                | "whereas"
                | "once"
                | "unless"
                | "until"
        );
        sub && !(j..from).any(|x| matches!(self.p(x), ',' | ';' | ':'))
    }

    /// `from` lies in a relative clause opened after a comma (`Y, who said …`).
    fn in_relative(&self, from: usize) -> bool {
        let (lo, _) = self.sent_range(from);
        let mut j = from;
        while j > lo && !matches!(self.p(j - 1), ',' | ';' | ':') {
            j -= 1;
        }
        j > lo && self.p(j - 1) == ',' && matches!(self.word(j), "who" | "which")
    }

    /// A token that opens a new clause after reported content: a semicolon, `, but`
    /// (not `, but that`) and `, and` before a pronoun.
    fn clause_break(&self, k: usize) -> bool {
        match self.p(k) {
            ';' => true,
            ',' => match self.word(k + 1) {
                // (`, but that …`: a second reported clause of the same verb)
                "but" => self.word(k + 2) != "that",
                "and" => self.has(k + 2, class::PRON),
                _ => false,
            },
            _ => false,
        }
    }

    fn bytes(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        if b <= a {
            return None;
        }
        let s = self.t.get(a)?.s;
        let e = self.t.get(b - 1)?.e;
        (e > s).then_some((s, e))
    }

    /// The speaker of a participle after a comma (`…, adding that …`, `…, calling him
    /// “…”`): the previous attribution's speaker in the sentence, else the sentence's
    /// subject.
    fn clause_subject(&self, c: usize, lo: usize) -> Option<Np> {
        if c <= lo || self.p(c - 1) != ',' || !self.word(c).ends_with("ing") {
            return None;
        }
        let sent = self.t.get(c)?.sent;
        let prev = self
            .sent_speakers
            .iter()
            .rev()
            .find(|&&(s, n)| s == sent && n.s < c)
            .map(|&(_, n)| n);
        if prev.is_some() {
            return prev;
        }
        // (past an opening phrase: `On Sunday, Sanders …, stating …`)
        let np = self
            .np_after(lo, c)
            .or_else(|| self.sentence_subject(lo, c).map(|(np, _)| np))?;
        (np.kind != NpKind::Desc || self.has(np.e - 1, class::ROLE | class::GROUP | class::AGENT))
            .then_some(np)
    }

    /// The subject of the sentence that a cue at `c` reports for when the cue is an
    /// infinitive (`was prompted to say`), a participle (`, saying at one point`) or
    /// follows a relative clause (`an aide who spoke anonymously said Monday`).
    fn subject_before_cue(&self, c: usize, lo: usize) -> Option<Np> {
        if (lo..c).any(|j| self.in_quote(j) || is_quote_char(self.p(j))) {
            return None;
        }
        if let Some(np) = self.infinitive_subject(c, lo) {
            return Some(np);
        }
        // `an aide who spoke anonymously said Monday`
        if let Some(np) = self.np_after(lo, c) {
            if matches!(self.word(np.e), "who" | "whose")
                && !(np.e + 1..c).any(|j| matches!(self.p(j), ',' | ';'))
            {
                return Some(np);
            }
        }
        let (np, v) = self.sentence_subject(lo, c)?;
        let role = np.kind != NpKind::Desc
            || self.has(np.e - 1, class::ROLE | class::GROUP | class::AGENT);
        (v <= c && role && np.kind != NpKind::Rel).then_some(np)
    }

    /// The subject of a progressive cue at `c`, back over its form of `be` (and fillers):
    /// `Trump is telling voters …`, `the campaign is already claiming …`, `X has been
    /// saying …`. A description must be a speaker's (a role, group or agent noun).
    fn progressive_subject(&self, c: usize, lo: usize) -> Option<Np> {
        if !self.word(c).ends_with("ing") || c < lo + 2 {
            return None;
        }
        let mut k = c;
        while k > lo + 2 && c - k < 2 && self.has(k - 1, class::FILLER) && !self.t[k - 1].cap {
            k -= 1;
        }
        if !matches!(self.word(k - 1), "is" | "are" | "was" | "were" | "been") {
            return None;
        }
        let np = self.np_before(k - 1, lo)?;
        let speaker = match np.kind {
            NpKind::Rel => false,
            NpKind::Desc => self.has(np.e - 1, class::ROLE | class::GROUP | class::AGENT),
            _ => true,
        };
        speaker.then_some(np)
    }

    /// The subject of an infinitive cue at `c`, back over its verb chain: `X was
    /// prompted to say`, `X went on to say`, `voters are more likely to say`, `X
    /// continued to question`.
    fn infinitive_subject(&self, c: usize, lo: usize) -> Option<Np> {
        if c <= lo + 1 || self.word(c - 1) != "to" {
            return None;
        }
        let mut j = c - 1;
        let mut steps = 0;
        while j > lo + 1 && steps < 4 {
            let w = self.word(j - 1);
            let chain = self.t[j - 1].word
                && !self.t[j - 1].cap
                && (is_auxiliary(w)
                    || w.ends_with("ed")
                    || (w.ends_with("ly") && w.len() > 4)
                    || matches!(
                        w,
                        "on" | "went"
                            | "likely"
                            | "unlikely"
                            | "able"
                            | "unable"
                            | "ready"
                            | "willing"
                            | "more"
                            | "less"
                            | "continue"
                            | "continues"
                            | "began"
                            | "begin"
                            | "begins"
                            | "tried"
                            | "tries"
                            | "going"
                            | "set"
                    ));
            if !chain {
                break;
            }
            j -= 1;
            steps += 1;
        }
        if steps == 0 {
            return None;
        }
        self.np_before(j, lo)
    }

    fn verb_clause(&mut self, c: usize, lo: usize, hi: usize) {
        let tk = self.t[c];
        // `an aide who asked not to be named`: a request, nothing reported
        if tk.cls & class::ASK != 0 && self.word(c + 1) == "not" && self.word(c + 2) == "to" {
            return;
        }
        // `the show has …`, `Saturday’s tweet was …`: a cue word used as a noun, the
        // subject of the verb after it
        let modifier = |j: usize| j >= lo && self.t[j].word && !self.t[j].cap;
        let compound = c > lo + 1
            && modifier(c - 1)
            && (self.has(c - 2, class::DET)
                || (c > lo + 2 && modifier(c - 2) && self.has(c - 3, class::DET)));
        // (not a verb's past: `the dispute the ministry said was settled`)
        let past = self.finite(c)
            || matches!(
                self.word(c),
                "said"
                    | "says"
                    | "told"
                    | "tells"
                    | "wrote"
                    | "writes"
                    | "thought"
                    | "knew"
                    | "saw"
                    | "found"
                    | "felt"
                    | "made"
                    | "gave"
            );
        // (`Editor’s note: …`: a label)
        let label = self.noun_use(c) && self.p(c + 1) == ':';
        if label || ((self.noun_use(c) || compound) && !past && is_auxiliary(self.word(c + 1))) {
            return;
        }
        // `Trump’s attacks on her`, `the question here is`, `a claim not recognised`: after
        // a possessive or an article the cue word is a noun
        if !past && self.possessed(c) {
            return;
        }
        // `Sanders’ attacks on her`, `a pre-emptive attack against`, `the 20 states that`
        if !self.t[c].cap && self.noun_head(c) {
            return;
        }
        let np = self.np_before(c, lo);
        // `Trump is telling voters that …`, `X was saying …`: a progressive cue
        let np = np.or_else(|| self.progressive_subject(c, lo));
        // `…, adding that …` takes the speaker of the sentence's previous attribution
        let np = np.or_else(|| self.clause_subject(c, lo));
        // `She paid it back, but said …`: the subject of a coordinated verb
        let np = np.or_else(|| {
            // (not when the sentence ends with its own attribution: `X is …, and believes
            // …, Y has told Z.`)
            // (`and then said`, `but later said`)
            let cj = if c > lo + 2 && self.has(c - 1, class::FILLER) {
                c - 1
            } else {
                c
            };
            let coord = cj > lo + 1
                && matches!(self.word(cj - 1), "and" | "but")
                && !(c + 1..hi)
                    .any(|j| self.has(j, class::SPEECH | class::TELL) && !self.in_quote(j));
            coord
                .then(|| {
                    self.sentence_subject(lo, cj - 1)
                        .map(|(np, _)| np)
                        .or_else(|| self.np_after(lo, cj - 1))
                })
                .flatten()
                // (any description for unquoted content: `the court ruled and said …`)
                .filter(|np| {
                    np.kind != NpKind::Desc
                        || self.has(np.e - 1, class::ROLE | class::GROUP | class::AGENT)
                        || !(c + 1..hi).any(|j| self.in_quote(j))
                })
        });
        // `voters are more likely to say …`, `X continued to question …`
        let np = np.or_else(|| self.infinitive_subject(c, lo));
        // `Philippine lawmaker wants …`, `Twenty-four percent said …`
        let np = np.or_else(|| self.loose_subject(c, lo));
        // `One in three said …`, `Almost half of respondents said …`
        let np = np.or_else(|| self.count_subject(c, lo));
        // `six in 10 said …`, `all five say …`: a count as the subject
        let np = np.or_else(|| {
            let count = c > lo + 1
                && tk.cls & (class::SPEECH | class::BELIEF) != 0
                && !self.word(c).ends_with("ing")
                && (self.t[c - 1].number && matches!(self.word(c - 2), "in" | "all")
                    || matches!(self.word(c - 1), "percent" | "majority" | "half"));
            if !count {
                return None;
            }
            // (the mention takes the count before `in` and `percent`: `six in 10`)
            let s = match self.word(c - 2) {
                "in" if c > lo + 2 && self.t[c - 3].word => c - 3,
                _ if c > lo + 1 && (self.t[c - 2].number || self.word(c - 2) == "all") => c - 2,
                _ => c - 1,
            };
            Some(Np {
                s,
                e: c,
                kind: NpKind::Desc,
            })
        });
        // `The agency declined, saying …`, `while saying …`: a participle of saying takes
        // the subject of its sentence
        let np = np.or_else(|| {
            let part = tk.cls & (class::SPEECH | class::ACT | class::BELIEF) != 0
                && self.word(c).ends_with("ing")
                && c > lo + 2
                && (matches!(self.p(c - 1), ',' | '—' | '–')
                    || tk.cls & class::SPEECH != 0
                        && matches!(
                            self.word(c - 1),
                            "while" | "after" | "by" | "before" | "when" | "also" | "initially"
                        ));
            part.then(|| {
                self.sentence_subject(lo, c - 1)
                    .map(|(np, _)| np)
                    .or_else(|| self.np_after(lo, c - 1))
                    .or_else(|| self.nearest_name(c - 1, lo))
            })
            .flatten()
        });
        let Some(np) = np else {
            // inversion at the end: `…, said Hussain.` (not a participle with its
            // object: `…, citing statistics about …`)
            if c > lo && self.p(c - 1) == ',' && !self.word(c).ends_with("ing") {
                if let Some(np) = self.np_after(c + 1, hi) {
                    let mut after = np.e;
                    // `…, said Larry Smith, a historian at Yale.`
                    after = self.adjunct_tail(after, hi, true);
                    if after >= hi || matches!(self.p(after), '.' | '!' | '?') {
                        self.emit_clause(lo, c - 1, np, (c, c + 1), 0.75);
                    }
                }
            }
            return;
        };
        // `called it “a disgrace”`, `what he calls the “crooked” process`
        if tk.cls & class::LABEL != 0 && self.label_clause(c, np, lo, hi) {
            return;
        }
        // `a probe the agency said was ongoing`, `what he said were failures`: the
        // reported clause lost its subject to the relative
        let aux = c + 1 < hi && self.relative_verb(c + 1);
        if aux && tk.cls & class::BARE != 0 {
            let end = self.clause_end(c + 1, hi);
            // the content holds its antecedent: `[a probe the agency said was ongoing]`,
            // `[which it said was unacceptable]`
            let start =
                if np.s > lo && matches!(self.word(np.s - 1), "which" | "that" | "who" | "what") {
                    np.s - 1
                } else {
                    self.np_core_before(np.s, lo)
                        .filter(|a| a.kind == NpKind::Desc)
                        .map_or(c + 1, |a| a.s)
                };
            if end > c + 3 {
                self.emit_clause(start, end, np, (c, c + 1), conf_of(np.kind, 0.65));
            }
            return;
        }
        if np.s > lo && matches!(self.lower(np.s - 1).as_ref(), "what" | "as" | "how") {
            // `As the paper noted, [the plant …]`, `But as X reported on Monday, […]`
            let opening = np.s - 1 == lo
                || (np.s - 2 == lo && matches!(self.word(lo), "But" | "And" | "Yet" | "So"));
            if self.word(np.s - 1).eq_ignore_ascii_case("as") && opening {
                self.as_clause(c, np, hi);
            }
            return;
        }
        // the complement: skip the addressee and time words up to `that`
        let mut k = c + 1;
        let mut that = None;
        // (a longer adjunct for verbs of saying: `said in an interview with the local paper
        // last week that …`, `told a crowd at a hotel in Boston that …`)
        let far = tk.cls & (class::SPEECH | class::TELL) != 0
            && tk.cls & class::ACT == 0
            && (tk.cls & class::TELL != 0
                || matches!(self.word(c + 1), "in" | "at" | "during" | "on" | "after"));
        let limit = (c + if far { 14 } else { 9 }).min(hi);
        while k < limit {
            if self.has(k, class::THAT) && !self.in_quote(k) {
                // (not a relative `that` past the usual reach: `… equipment that could …`)
                let relative = self.finite(k + 1) || self.relative_verb(k + 1);
                if k < c + 9 || !relative {
                    that = Some(k);
                }
                break;
            }
            // `told X, however, that …`
            let however = self.p(k) == ','
                && (self.word(k + 1) == "however" || k > 0 && self.word(k - 1) == "however");
            if however {
                k += 1;
                continue;
            }
            // (not past the clause itself: `said he had heard that account`)
            if !self.t[k].word || self.has(k, class::CUE) || self.opens_clause(k) {
                break;
            }
            k += 1;
        }
        if let Some(th) = that {
            // (the clause keeps its `that`)
            let end = self.clause_end(th + 1, hi);
            let conf = conf_of(np.kind, 0.8);
            self.emit_clause(th, end, np, (c, c + 1), conf);
            return;
        }
        // `…, X said.` / `…, X has told Sputnik.`
        let mut after = c + 1;
        if tk.cls & class::TELL != 0 {
            if let Some(obj) = self.np_after(after, hi) {
                after = obj.e;
            }
        }
        while after < hi && self.has(after, class::TIME) {
            after += 1;
        }
        // `…, X told reporters on Monday.`: an object and adjuncts up to the sentence end
        if np.s > lo && self.p(np.s - 1) == ',' {
            after = self.adjunct_tail(after, hi, false);
        }
        let at_end = after >= hi || matches!(self.p(after), '.' | '!' | '?');
        let before_comma = np.s > lo && self.p(np.s - 1) == ',';
        // `…, X said, adding …`: the attribution ends the reported words too
        let adding = self.p(after) == ',' && self.is_cue_word(after + 1);
        if (at_end || adding) && before_comma {
            let conf = conf_of(np.kind, 0.78);
            self.emit_clause(lo, np.s - 1, np, (c, c + 1), conf);
            return;
        }
        // `The goal, he said, is a durable cease-fire.`: the whole sentence, its
        // attribution inside
        if before_comma && self.p(after) == ',' && np.s > lo + 1 && after + 2 < hi {
            let starts = self.t[lo].word || is_quote_char(self.t[lo].p);
            let quoted = (lo..hi).any(|j| self.in_quote(j));
            if starts && !quoted {
                let end = self.clause_end(after + 1, hi);
                let conf = conf_of(np.kind, 0.7);
                self.emit_clause(lo, end, np, (c, c + 1), conf);
                return;
            }
        }
        // `voters see [him as the stronger candidate]`: a view, its object and `as …`
        if matches!(self.word(c), "see" | "sees" | "saw") {
            let end = self.clause_end(c + 1, hi);
            let as_at = (c + 2..end.min(c + 9)).find(|&j| self.word(j) == "as");
            if let Some(a) = as_at {
                let plain = (c + 1..a).all(|j| self.t[j].word && !self.has(j, class::STOP));
                if plain && a + 1 < end {
                    self.emit_clause(c + 1, end, np, (c, c + 1), conf_of(np.kind, 0.6));
                }
            }
            return;
        }
        // `asked whether …`
        let wh = matches!(
            self.word(c + 1),
            "whether" | "if" | "why" | "how" | "what" | "when" | "where" | "who"
        );
        if tk.cls & class::ASK != 0 && wh {
            let end = self.clause_end(c + 1, hi);
            if end > c + 3 {
                self.emit_clause(c + 1, end, np, (c, c + 1), conf_of(np.kind, 0.7));
            }
            return;
        }
        // `complained about …`
        if self.particle(c, c + 1, np) {
            self.object_clause(c, np, hi);
            return;
        }
        // `hopes to win`, `vowed to fight`: an intention's `to` clause
        if tk.cls & class::INTENT != 0 && self.word(c + 1) == "to" && self.config.intentions {
            self.object_clause(c, np, hi);
            return;
        }
        // `X said the talks failed` (verbs that take a bare clause)
        if tk.cls & class::BARE == 0 {
            let obj = class::ACT | class::LABEL | class::STANCE | class::INTENT;
            if tk.cls & obj != 0 {
                self.object_clause(c, np, hi);
            }
            return;
        }
        let mut k = c + 1;
        if tk.cls & class::TELL != 0 {
            // `told Y he would …`: a clause opening with a subject pronoun
            if let Some(e) = self.addressee_end(k, hi) {
                self.tell_clause(c, np, e, hi);
            }
            return; // `told Y` without `that`: an order or a topic, not a statement
        }
        if matches!(self.p(k), ',' | ':') {
            k += 1;
        }
        // `said on Friday he met …`, `said Tuesday the talks had …`: time words, then the
        // clause's subject
        let mut m = k;
        if self.word(m) == "on" && self.has(m + 1, class::TIME) {
            m += 1;
        }
        while m < hi && m < k + 3 && self.has(m, class::TIME) {
            m += 1;
        }
        if m > k && m < hi {
            let pron = self.has(m, class::PRON)
                && !matches!(self.word(m), "you" | "it")
                && self.t.get(m + 1).is_some_and(|n| n.word && !n.cap);
            let subject = self.has(m, class::DET) && self.subject_then_finite(m, hi);
            if pron || subject || self.bare_subject(m) {
                k = m;
            }
        }
        let Some(first) = self.t.get(k) else { return };
        if k >= hi || self.in_quote(k) {
            return;
        }
        // a lowercase noun or a number opens a clause too (`said company leaders had …`,
        // `said 46 percent of …`); adverbs, prepositions and object pronouns do not
        let plain = first.word
            && !first.cap
            && first.cls & (class::FILLER | class::TIME | class::CUE | class::THAT) == 0
            && !self.word(k).ends_with("ly")
            && !matches!(
                self.word(k),
                "him" | "her" | "them" | "me" | "us" | "so" | "yes" | "no"
            );
        let clause_start = first.cls & (class::PRON | class::DET) != 0
            || (first.cap && first.word)
            || is_quote_char(first.p)
            || plain
            || self.bare_subject(k);
        // `said in politics it takes time`: a fronted phrase, then the clause's pronoun
        let fronted = matches!(
            self.word(k),
            "in" | "at" | "for" | "with" | "after" | "since"
        ) && (k + 2..(k + 8).min(hi)).any(|j| {
            self.has(j, class::PRON)
                && !matches!(self.word(j), "you")
                && self.t.get(j + 1).is_some_and(|n| n.word && !n.cap)
                && (k + 1..j).all(|m| self.t[m].word && !self.has(m, class::CUE | class::THAT))
        });
        // `said if she wins, taxes would rise`: a conditional, then the clause after its comma
        // (or without its comma, when a subject pronoun opens the main clause: `said if
        // elected he would …`)
        let cond = matches!(self.word(k), "if" | "unless")
            && tk.cls & class::SPEECH != 0
            && ((k + 3..hi).any(|j| {
                self.p(j) == ',' && self.t.get(j + 1).is_some_and(|n| n.word) && !self.in_quote(j)
            }) || (k + 2..(k + 10).min(hi)).any(|j| {
                matches!(self.word(j), "he" | "she" | "they" | "we" | "I")
                    && is_auxiliary(self.word(j + 1))
            }));
        // `said yes`, `said no to the war`
        let answer = matches!(self.word(k), "yes" | "no")
            && tk.cls & class::SPEECH != 0
            && k == c + 1
            && (self.t.get(k + 1).is_some_and(|n| !n.word) || self.word(k + 1) == "to");
        if answer && self.word(k + 1) != "to" {
            self.cue_used[c] = true;
            if let Some((cs, ce)) = self.bytes(k, k + 1) {
                self.push_indirect(cs, ce, np, (c, c + 1), conf_of(np.kind, 0.6));
            }
            return;
        }
        if fronted || cond || answer {
            let end = self.clause_end(k, hi);
            self.emit_clause(k, end, np, (c, c + 1), conf_of(np.kind, 0.65));
            return;
        }
        // `said about half of the cuts were …`, `said much of the talk was …`
        // (not `wrote about techniques used …`: a count or share follows)
        let share = self.t.get(k + 1).is_some_and(|t| t.number)
            || (self.word(k) == "at" && self.word(k + 1) == "least")
            || matches!(
                self.word(k + 1),
                "half" | "a" | "one" | "two" | "three" | "of" | "than" | "every" | "all"
            );
        let quant = matches!(
            self.word(k),
            "about"
                | "nearly"
                | "almost"
                | "more"
                | "much"
                | "most"
                | "half"
                | "many"
                | "both"
                | "at"
        ) && share
            && self.subject_then_finite(k, hi);
        if !quant && (!clause_start || self.has(k, class::STOP)) {
            // `promised a recount`, `acknowledged the defeat`: a speech act's object
            if tk.cls & class::ACT != 0 {
                self.object_clause(c, np, hi);
            }
            return;
        }
        let end = self.clause_end(k, hi);
        if end < k + 3 {
            return;
        }
        let conf = conf_of(np.kind, 0.72);
        self.emit_clause(k, end, np, (c, c + 1), conf);
    }

    /// `As X noted, …` at cue `c`: the clause after the comma that closes the
    /// attribution (past a few adjunct words: `as X reported on Saturday, …`).
    fn as_clause(&mut self, c: usize, np: Np, hi: usize) {
        let mut k = c + 1;
        while k < hi && k < c + 8 && self.t[k].word && !self.has(k, class::CUE | class::THAT) {
            k += 1;
        }
        if k >= hi || self.p(k) != ',' || self.in_quote(k) {
            return;
        }
        let end = self.clause_end(k + 1, hi);
        if end < k + 4 {
            return;
        }
        self.emit_clause(k + 1, end, np, (c, c + 1), conf_of(np.kind, 0.7));
    }

    /// A preposition at `k` that makes the words after it the content of the verb at `c`
    /// (`complained about …`, `warned of …`, `commented on …`, `believe in …`), for a
    /// speaker that is a person.
    fn particle(&self, c: usize, k: usize, np: Np) -> bool {
        let tk = self.t[c];
        let person = np.kind != NpKind::Desc
            || self.has(np.e - 1, class::ROLE | class::GROUP | class::AGENT);
        let topic = tk.cls & class::TOPIC != 0;
        tk.cls & (class::SPEECH | class::BELIEF | class::ACT | class::TOPIC) != 0
            && person
            && match self.word(k) {
                "about" => true,
                "against" => !topic,
                "of" => topic || matches!(self.word(c), "warned" | "warns"),
                // (not `went on to say`: the verb after `to` is the cue)
                "on" => {
                    !topic
                        && !self.has(k + 1, class::TIME)
                        && tk.cls & class::LABEL == 0
                        && self.word(k + 1) != "to"
                }
                "in" => tk.cls & class::BELIEF != 0,
                _ => false,
            }
    }

    /// A count or share as the subject of a speech verb at `c`, from a clause opening:
    /// `One in three said …`, `nearly nine out of 10 say …`, `Some 56 percent of voters
    /// polled said …`, `most of them said …`, `all but two said …`.
    fn count_subject(&self, c: usize, lo: usize) -> Option<Np> {
        let tk = self.t.get(c)?;
        if tk.cls & (class::SPEECH | class::TELL | class::BELIEF) == 0
            || self.word(c).ends_with("ing")
            || c <= lo
        {
            return None;
        }
        let count = |k: usize| {
            let w = self.word(k);
            let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
            (self.t[k].number && !year)
                || matches!(
                    self.word(k).to_lowercase().as_str(),
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "half"
                        | "most"
                        | "majority"
                        | "majorities"
                        | "all"
                )
        };
        let approx = |k: usize| {
            matches!(
                self.word(k).to_lowercase().as_str(),
                "about" | "nearly" | "almost" | "some" | "roughly" | "just" | "over" | "only"
            )
        };
        let floor = c.saturating_sub(10).max(lo);
        let mut best = None;
        let mut j = c;
        while j > floor {
            let k = j - 1;
            let t = self.t[k];
            let ok = (t.word || matches!(t.p, '-' | '%'))
                && !self.in_quote(k)
                && !(t.word && !t.cap && t.cls & (class::CUE | class::THAT) != 0)
                && !(t.word && !t.cap && self.finite(k) && k + 1 < c);
            if !ok {
                break;
            }
            if count(k) {
                let mut s = k;
                while s > lo && approx(s - 1) {
                    s -= 1;
                }
                let opens = s == lo
                    || matches!(self.p(s - 1), ',' | ';' | ':' | '(')
                    || matches!(self.word(s - 1), "and" | "but" | "while");
                if opens {
                    best = Some(s);
                }
            }
            j -= 1;
        }
        let s = best?;
        Some(Np {
            s,
            e: c,
            kind: NpKind::Desc,
        })
    }

    /// A subject the speaker rules miss, right before the verb at `c`: a relative pronoun
    /// (`voters who said …`, `polls that show …`) or a run of up to six content words from
    /// the sentence start, a determiner or a comma (`Philippine lawmaker wants …`,
    /// `Twenty-four percent said …`, `42% say …`).
    fn loose_subject(&self, c: usize, lo: usize) -> Option<Np> {
        let mut j = c;
        let mut skipped = 0;
        while j > lo && self.has(j - 1, class::FILLER) && !self.t[j - 1].cap && skipped < 3 {
            j -= 1;
            skipped += 1;
        }
        // `voters who said …`, `polls that show …`
        if j > lo && matches!(self.word(j - 1), "who" | "that" | "which") {
            return Some(Np {
                s: j - 1,
                e: j,
                kind: NpKind::Desc,
            });
        }
        let e = j;
        let content = |k: usize| {
            let t = self.t[k];
            let lower_verb = !t.cap && t.cls & (class::CUE | class::STANCE | class::INTENT) != 0;
            (t.word || matches!(t.p, '-' | '/' | '&') || t.p == '%')
                && !self.in_quote(k)
                && !lower_verb
                && t.cls & (class::STOP | class::THAT | class::FILLER | class::PHRASE) == 0
                && !(t.word && !t.cap && self.finite(k) && k + 1 < e)
        };
        while j > lo && j + 6 > e && content(j - 1) {
            j -= 1;
        }
        if j == e {
            return None;
        }
        // `farmers and small traders say …`: a coordinated subject
        if j > lo + 1 && matches!(self.word(j - 1), "and" | "or") && content(j - 2) {
            let mut m = j - 1;
            while m > lo && m + 6 > j && content(m - 1) {
                m -= 1;
            }
            j = m;
        }
        // (`But hacking specialists say …`, `…, but experts say …`)
        let conj = j > lo
            && matches!(self.lower(j - 1).as_ref(), "and" | "but" | "yet" | "while")
            && (j - 1 == lo || matches!(self.p(j - 2), ',' | ';'));
        let opens = j == lo
            || conj
            || matches!(self.p(j - 1), ',' | ':' | ';' | '(' | '—')
            || (self.has(j - 1, class::DET) && !self.has(j - 1, class::PRON));
        if !opens {
            return None;
        }
        let s = if j > lo && self.has(j - 1, class::DET) {
            j - 1
        } else {
            j
        };
        Some(Np {
            s,
            e,
            kind: NpKind::Desc,
        })
    }

    /// From `k`, after an attribution at the end of its sentence: an object and
    /// prepositional adjuncts (`told reporters on Monday`, `said in a statement`), with
    /// an appositive after a comma when `appos` (`said Jo Lee, a historian at Yale`).
    /// Returns where they end, or `k` when what follows is no such tail.
    fn adjunct_tail(&self, k: usize, hi: usize, appos: bool) -> usize {
        let limit = if appos { 30 } else { 12 };
        let prep = |j: usize| {
            matches!(
                self.word(j),
                "in" | "on"
                    | "at"
                    | "during"
                    | "to"
                    | "with"
                    | "after"
                    | "before"
                    | "from"
                    | "via"
                    | "through"
                    | "over"
                    | "following"
                    | "of"
                    | "about"
                    | "late"
            ) || self.has(j, class::TIME)
        };
        let mut j = k;
        // (not a clause going on after the name: `X, including Y, said the plan …`)
        if appos && j < hi && !matches!(self.p(j), '.' | '!' | '?' | ',' | '(') && !prep(j) {
            return k;
        }
        if !appos {
            // an addressee (`told reporters`, `told the Associated Press`) first
            if k > 0 && self.has(k - 1, class::TELL) {
                while j < hi && j < k + 5 && self.t[j].word && !prep(j) {
                    j += 1;
                }
            }
            if j < hi && !matches!(self.p(j), '.' | '!' | '?') && !prep(j) {
                return k;
            }
        }
        while j < hi && j < k + limit {
            let tj = self.t[j];
            if matches!(tj.p, '.' | '!' | '?') {
                return j;
            }
            if self.in_quote(j) || is_quote_char(tj.p) {
                return k;
            }
            if tj.p == ',' && !appos {
                return k;
            }
            // `…, said Jo Lee, a historian at Yale, who notes …`: a relative clause closes
            // the appositive
            if tj.p == ',' && matches!(self.word(j + 1), "who" | "whose") {
                return hi;
            }
            if tj.word && !tj.cap {
                let bad = tj.cls & (class::THAT | class::PRON | class::CUE) != 0
                    || (self.finite(j) && !appos);
                if bad {
                    return k;
                }
            }
            j += 1;
        }
        if j >= hi {
            hi
        } else {
            k
        }
    }

    /// The end of the addressee of a `tell` verb starting at `k` (`him`, `reporters`, `The
    /// Star-Ledger of Newark`, `TheBlaze founder Glenn Beck`).
    fn addressee_end(&self, k: usize, hi: usize) -> Option<usize> {
        if matches!(self.word(k), "him" | "her" | "them" | "me" | "us") {
            return Some(k + 1);
        }
        if let Some(obj) = self.np_after(k, hi) {
            if self.t[obj.s].cls & class::PRON == 0 {
                // (`told the paper she …`: the pronoun opens the clause)
                let e = (obj.s + 1..obj.e)
                    .find(|&j| self.has(j, class::PRON) && !self.t[j].cap)
                    .unwrap_or(obj.e);
                return Some(e);
            }
        }
        // a few words up to a subject pronoun (`told a local radio station she …`) or a
        // subject with its verb (`told reporters this was …`)
        let mut j = k;
        while j < hi && j < k + 6 && self.t[j].word && !self.in_quote(j) {
            if self.has(j, class::PRON) {
                return (j > k).then_some(j);
            }
            let subject = matches!(self.word(j), "this" | "there" | "his" | "her" | "their");
            if j > k && subject && self.subject_then_finite(j, hi) {
                return Some(j);
            }
            if self.has(j, class::THAT | class::CUE) || (!self.t[j].cap && self.finite(j)) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// `told Y he would …` at cue `c`, the addressee ending at `k`: the clause from a
    /// subject pronoun (after time words) to the clause end.
    fn tell_clause(&mut self, c: usize, np: Np, k: usize, hi: usize) {
        let mut k = k;
        // (not the subject of `told reporters this was …`)
        while k < hi
            && (self.has(k, class::TIME) || matches!(self.word(k), "on" | "last"))
            && !(self.word(k) == "this" && self.finite(k + 1))
        {
            k += 1;
        }
        if k >= hi || self.in_quote(k) {
            return;
        }
        let w = self.word(k);
        let pron = self.has(k, class::PRON)
            && !matches!(w, "you" | "it")
            && self.t.get(k + 1).is_some_and(|n| n.word && !n.cap);
        // `told reporters this was …`, `told the paper her group never …`
        let det = matches!(
            w,
            "this" | "there" | "the" | "his" | "her" | "their" | "its" | "our" | "my"
        ) && self.subject_then_finite(k, hi);
        if !(pron || det || self.bare_subject(k)) {
            return;
        }
        let end = self.clause_end(k, hi);
        if end < k + 3 {
            return;
        }
        self.emit_clause(k, end, np, (c, c + 1), conf_of(np.kind, 0.72));
    }

    /// A label verb with a quoted label in its object: one partial quote from the verb's
    /// object (or from `what`/`which`/`whom` before the speaker) to the label's end, with
    /// coordinated labels (`“illegals” and “thugs”`) and the head noun after it
    /// after it (`what she calls her “breaking barriers” agenda`). True when it emitted.
    fn label_clause(&mut self, c: usize, np: Np, lo: usize, hi: usize) -> bool {
        let person = np.kind != NpKind::Desc
            || self.has(np.e - 1, class::ROLE | class::GROUP | class::AGENT);
        if !person {
            return false;
        }
        let mut k = c + 1;
        // `called on X to resign`: an appeal, X and what X should do
        if self.word(k) == "on" {
            let to = (k + 2..(k + 9).min(hi)).find(|&j| self.word(j) == "to");
            let appeal = to.is_some_and(|j| {
                self.t
                    .get(j + 1)
                    .is_some_and(|t| t.word && !t.cap && t.cls & (class::DET | class::STOP) == 0)
                    && (k + 1..j).all(|m| self.t[m].word || self.name_hyphen(m))
            });
            if appeal {
                let end = self.clause_end(k + 1, hi);
                self.emit_clause(k + 1, end, np, (c, k + 1), conf_of(np.kind, 0.6));
                return true;
            }
            return false;
        }
        if self.word(k) == "for" {
            return false;
        }
        let end = self.clause_end(k, hi).min(k + 25);
        let Some(first) = (k..end).find_map(|j| self.quote_opening_at(j)) else {
            return self.unquoted_label(c, k, end, np);
        };
        let mut q = self.quotes[first];
        if self.qdone[first] {
            return false;
        }
        let mut last = q.close;
        self.qdone[first] = true;
        // `“illegals” and “thugs”`, `“weak,” “disappointing”`
        loop {
            let mut j = last + 1;
            while j < hi && (matches!(self.p(j), ',') || matches!(self.word(j), "and" | "or")) {
                j += 1;
            }
            match self.quote_opening_at(j) {
                Some(n) if j > last + 1 && !self.qdone[n] && self.quotes[n].close < hi => {
                    q = self.quotes[n];
                    self.qdone[n] = true;
                    last = q.close;
                }
                _ => break,
            }
        }
        let mut e = last + 1;
        while e < hi && e < last + 2 && self.modifier_word(e) && !self.has(e, class::AGENT) {
            e += 1;
        }
        if e > last + 1 && !(e >= hi || !self.t[e].word || self.has(e, class::STOP)) {
            e = last + 1;
        }
        let rel = np.s > lo && matches!(self.word(np.s - 1), "what" | "which" | "whom");
        if rel {
            k = np.s - 1;
        }
        self.cue_used[c] = true;
        if let Some((cs, ce)) = self.bytes(k, e) {
            self.push_partial(cs, ce, np, (c, c + 1), conf_of(np.kind, 0.6));
        }
        true
    }

    /// A label without quotation marks after a pronoun object: `called [him a liar]`,
    /// `dubbed [it reckless]` (not `called him on Monday`, `called them back`).
    fn unquoted_label(&mut self, c: usize, k: usize, end: usize, np: Np) -> bool {
        let object = matches!(
            self.word(k),
            "him" | "her" | "them" | "it" | "himself" | "herself" | "themselves" | "us" | "me"
        );
        let complement = self.t.get(k + 1).is_some_and(|t| {
            t.word && t.cls & (class::STOP | class::TIME | class::THAT) == 0 && !t.number
        }) && !matches!(
            self.word(k + 1),
            "to" | "on"
                | "in"
                | "at"
                | "for"
                | "back"
                | "up"
                | "out"
                | "off"
                | "and"
                | "or"
                | "from"
                | "about"
                | "with"
                | "after"
                | "before"
                | "over"
                | "into"
                | "by"
        );
        if !object || !complement || end < k + 2 {
            return false;
        }
        self.cue_used[c] = true;
        if let Some((cs, ce)) = self.bytes(k, end) {
            self.push_indirect(cs, ce, np, (c, c + 1), conf_of(np.kind, 0.5));
        }
        true
    }

    /// A speech act's object to the clause end (`accused [him of lying]`, `called for [a
    /// recount]`); a label verb only with a quoted label (`called [it “a disgrace”]`).
    fn object_clause(&mut self, c: usize, np: Np, hi: usize) {
        let tk = self.t[c];
        let mut k = c + 1;
        while k < hi && self.has(k, class::TIME) {
            k += 1;
        }
        // `called for …` (not `called on X`, a visit), `referring to …`
        let particle = self.word(k) == "for"
            || (self.word(k) == "to" && self.word(c).to_lowercase().starts_with("refer"))
            || self.particle(c, k, np);
        let act = tk.cls & (class::ACT | class::STANCE | class::INTENT) != 0 || particle;
        if particle {
            k += 1;
        }
        // `declined to comment`, `plans to run`: the `to` clause
        let to = tk.cls & class::INTENT != 0 && self.word(k) == "to";
        let Some(first) = self.t.get(k) else { return };
        if k >= hi || !(first.word || is_quote_char(first.p)) || self.in_quote(k) {
            return;
        }
        if first.cls & (class::STOP | class::THAT) != 0 && !particle && !to {
            return;
        }
        let mut end = self.clause_end(k, hi);
        // `praised [her] and thanked …`: the object ends before a coordinated verb
        if !(k..end).any(|j| self.in_quote(j)) {
            if let Some(j) = (k + 1..end).find(|&j| self.coordinated_verb(j)) {
                end = j;
            }
        }
        if end <= k {
            return;
        }
        let quoted = (k..end).any(|j| self.quote_opening_at(j).is_some());
        if !act && !quoted {
            return;
        }
        // stances and intentions are no speech: they never carry a quotation
        let speech = class::SPEECH | class::TELL | class::ACT | class::LABEL;
        if quoted && tk.cls & speech == 0 {
            return;
        }
        self.emit_clause(k, end, np, (c, c + 1), conf_of(np.kind, 0.6));
    }

    /// An appearance or expectation at `c` (`the plan seems to work`, `she is expected
    /// to win`): the whole clause, from its start (after a comma or a conjunction, or its
    /// relative pronoun) to its end, without a speaker.
    fn appearance(&mut self, c: usize, lo: usize, hi: usize) {
        let w = self.word(c);
        let mut s = c;
        if matches!(w, "expected" | "likely" | "poised") {
            // `is expected to`: a form of `be` before, `to` after
            let mut b = c;
            if b > lo && self.word(b - 1).ends_with("ly") {
                b -= 1;
            }
            let be = b > lo
                && matches!(
                    self.word(b - 1),
                    "is" | "are" | "was" | "were" | "be" | "been" | "’s" | "'s"
                );
            if !be || self.word(c + 1) != "to" {
                return;
            }
            s = b - 1;
        } else if matches!(
            self.word(c + 1),
            "on" | "in" | "at" | "before" | "with" | "for" | "as" | "alongside" | "onstage"
        ) || !self.t.get(c + 1).is_some_and(|t| t.word && !t.cap)
        {
            return;
        }
        // back to the clause start
        let mut a = s;
        while a > lo {
            let j = a - 1;
            let tj = self.t[j];
            if self.in_quote(j) || (!tj.word && !matches!(tj.p, '-' | '\'' | '’')) {
                break;
            }
            if matches!(self.word(j), "which" | "who" | "that") {
                a = j;
                break;
            }
            if matches!(
                self.word(j),
                "but"
                    | "and"
                    | "because"
                    | "while"
                    | "although"
                    | "though"
                    | "if"
                    | "so"
                    | "since"
                    | "as"
                    | "when"
                    | "where"
                    | "whether"
            ) || self.has(j, class::CUE | class::PHRASE)
            {
                break;
            }
            a = j;
        }
        if a + 1 > s {
            return;
        }
        let end = self.clause_end(c + 1, hi);
        if end < c + 2 {
            return;
        }
        if let Some((cs, ce)) = self.bytes(a, end) {
            self.add_attr(Attr {
                cs,
                ce,
                kind: QuoteKind::Indirect,
                np: None,
                cue: Some((s, c + 1)),
                conf: 0.5,
                join: false,
                sep: false,
            });
        }
    }

    /// A poll or survey that opens its sentence as the source of what follows: `In a
    /// CBS News poll released Monday, [half of the voters backed the plan].`
    fn poll_source(&mut self, i: usize, hi: usize) -> bool {
        let limit = (i + 14).min(hi);
        let Some(comma) = (i + 1..limit).find(|&j| self.p(j) == ',') else {
            return false;
        };
        if (i + 1..comma).any(|j| self.in_quote(j) || matches!(self.p(j), ';' | ':')) {
            return false;
        }
        let Some(head) = (i + 1..comma).find(|&j| {
            matches!(
                self.word(j).to_lowercase().as_str(),
                "poll" | "polls" | "survey" | "surveys" | "polling"
            )
        }) else {
            return false;
        };
        let end = self.clause_end(comma + 1, hi);
        // (not when the clause has a speaker of its own: `In the poll, 42% say …`)
        if end < comma + 4 || (comma + 1..end).any(|j| self.is_cue_word(j)) {
            return false;
        }
        let np = Np {
            s: i + 1,
            e: head + 1,
            kind: NpKind::Desc,
        };
        self.emit_clause(comma + 1, end, np, (i, i + 1), 0.6);
        true
    }

    /// A speech participle opening the sentence, its `that` clause, then the speaker
    /// after the comma: `Noting that turnout fell, Okafor added …` (the noted clause is
    /// attributed to Okafor).
    fn fronted_participle(&mut self, i: usize, hi: usize) -> bool {
        let tk = self.t[i];
        if tk.cls & class::SPEECH == 0
            || !self.word(i).ends_with("ing")
            || self.word(i + 1) != "that"
        {
            return false;
        }
        let Some(comma) =
            (i + 3..(i + 40).min(hi)).find(|&j| self.p(j) == ',' && !self.in_quote(j))
        else {
            return false;
        };
        let Some(np) = self.np_after(comma + 1, hi) else {
            return false;
        };
        // the subject is followed by its verb (`Okafor added`, `she said`)
        let verb = self
            .t
            .get(np.e)
            .is_some_and(|t| t.word && !t.cap && t.cls & class::STOP == 0);
        if !verb || (i + 2..comma).any(|j| self.in_quote(j)) {
            return false;
        }
        self.emit_clause(i + 1, comma, np, (i, i + 1), conf_of(np.kind, 0.6));
        true
    }

    /// A poll named after the finding it reports, at the end of its sentence: `Kasich
    /// was at 25 percent in the latest Fox poll.`, `Trump leads by 9 points, 42%-33%, in
    /// the RealClearPolitics average of recent polls.` The finding (from the sentence
    /// start) is the content; the poll is the source.
    fn trailing_poll(&mut self, i: usize, lo: usize, hi: usize) -> bool {
        // the phrase runs to the sentence end
        let Some(stop) = (i + 1..(i + 16).min(hi)).find(|&j| self.p(j) != '\0' && self.p(j) != '-')
        else {
            return false;
        };
        if !matches!(self.p(stop), '.' | '!' | '?') {
            return false;
        }
        // one named or specific poll (`the latest Fox poll`, `a survey from …`, `the
        // RealClearPolitics average`), not the polls in general (`leads in the polls`)
        let Some(head) = (i + 1..stop).find(|&j| {
            matches!(
                self.word(j).to_lowercase().as_str(),
                "poll" | "survey" | "average" | "rankings"
            )
        }) else {
            return false;
        };
        let specific = (i + 1..head).any(|j| {
            self.t[j].cap
                || matches!(
                    self.word(j),
                    "same" | "latest" | "new" | "recent" | "our" | "this"
                )
        });
        if !specific
            || (i + 1..head).any(|j| self.word(j) == "to")
            || (head + 1..stop).any(|j| self.finite(j) || self.is_cue_word(j))
        {
            return false;
        }
        if (i + 1..stop).any(|j| self.in_quote(j)) {
            return false;
        }
        // the finding: the sentence before `in`, without a comma before `in`, with no
        // attribution of its own
        let mut a = lo;
        while a < i && !self.t[a].word {
            a += 1;
        }
        let mut b = i;
        if b > a && self.p(b - 1) == ',' {
            b -= 1;
        }
        if b < a + 3
            || (a..b).any(|j| self.in_quote(j) || self.cue_used[j] || self.is_cue_word(j))
            || self
                .attrs
                .iter()
                .any(|at| at.cue.is_some_and(|(c, _)| c >= lo && c < hi))
        {
            return false;
        }
        let np = Np {
            s: i + 1,
            e: head + 1,
            kind: NpKind::Desc,
        };
        self.emit_clause(a, b, np, (i, i + 1), 0.6);
        true
    }

    /// A question put to the speaker, with no asker named: `Asked whether …, X said`,
    /// `When asked about …,`, `…, he said when asked if …`: the question (from its
    /// `whether`, `if`, wh-word or `about`) to its comma, without a speaker (the
    /// interviewer is not named; `Asked by X whether …`, which names the asker, is left
    /// out: the seed articles do not annotate it).
    fn asked_clause(&mut self, i: usize, lo: usize, hi: usize) -> bool {
        let opens = i == lo
            || matches!(self.word(i - 1), "when" | "When")
            || (matches!(self.word(i - 1), "if" | "If") && (i - 1 == lo || self.p(i - 2) == ','))
            || (self.p(i - 1) == ',' && self.word(i).starts_with('A'));
        if !opens {
            return false;
        }
        // (time and place adjuncts first: `Asked on Monday whether …`, `Asked in Iowa
        // recently about …`)
        let mut k = i + 1;
        while k < hi && k < i + 7 && self.t[k].word && !self.in_quote(k) {
            let w = self.word(k);
            // (`Asked by X whether …`: the asker is named, a speaker this rule cannot give)
            if w == "by" || self.has(k, class::CUE | class::THAT) {
                return false;
            }
            if matches!(
                w,
                "whether"
                    | "if"
                    | "what"
                    | "which"
                    | "how"
                    | "why"
                    | "who"
                    | "when"
                    | "where"
                    | "about"
            ) {
                break;
            }
            k += 1;
        }
        if k >= hi || k >= i + 7 || !self.t[k].word || self.in_quote(k) {
            return false;
        }
        let Some(end) = (k + 1..hi).find(|&j| matches!(self.p(j), ',' | '.' | ';' | '?')) else {
            return false;
        };
        // `Asked whether X “has the integrity …,” 75 percent said`: a fragment inside,
        // closing with the comma
        let (end, kind) = match self.asked_fragment(k, end, hi) {
            Some(e) => (e, QuoteKind::Partial),
            None => (end, QuoteKind::Indirect),
        };
        if end < k + 2 || (kind == QuoteKind::Indirect && (k..end).any(|j| self.in_quote(j))) {
            return false;
        }
        let Some((cs, ce)) = self.bytes(k, end) else {
            return false;
        };
        if kind == QuoteKind::Partial {
            for j in k..end {
                if let Some(&q) = self.inq.get(j).filter(|&&q| q != NONE) {
                    if let Some(d) = self.qdone.get_mut(q as usize) {
                        *d = true;
                    }
                }
            }
        }
        self.add_attr(Attr {
            cs,
            ce,
            kind,
            np: None,
            cue: Some((i, i + 1)),
            conf: 0.5,
            join: false,
            sep: false,
        });
        self.cue_used[i] = true;
        true
    }

    /// The end of an `Asked whether …` clause at `k` whose first punctuation `end` falls
    /// inside a quote that closes with a comma (`Asked if X is “ready to serve,” most
    /// said …`): past that quote's closing mark.
    fn asked_fragment(&self, k: usize, end: usize, hi: usize) -> Option<usize> {
        let qi = *self.inq.get(end).filter(|&&q| q != NONE)? as usize;
        let q = self.quotes.get(qi)?;
        // (the quote opens inside the clause, after its first words)
        // (not a title: `an appearance on “CBS This Morning,”`)
        let inside = q.open > k + 1 && q.close + 1 < hi && !self.qdone[qi] && !self.named_work(q);
        let comma = self.p(q.close) == ','
            || self.p(q.close.saturating_sub(1)) == ','
            || self.p(q.close + 1) == ',';
        (inside && comma && (k..q.open).all(|j| !self.in_quote(j))).then_some(q.close + 1)
    }

    /// `and` before a verb (`and praised …`, `and even questioned …`, `and has …`).
    fn coordinated_verb(&self, j: usize) -> bool {
        if self.word(j) != "and" {
            return false;
        }
        let mut v = j + 1;
        if self.word(v).ends_with("ly")
            || matches!(self.word(v), "even" | "also" | "then" | "later")
        {
            v += 1;
        }
        let w = self.word(v);
        self.t.get(v).is_some_and(|t| t.word && !t.cap)
            && ((w.len() > 4 && w.ends_with("ed"))
                || self.has(v, class::ACT | class::SPEECH | class::LABEL)
                || matches!(w, "has" | "had" | "have" | "will" | "would" | "is" | "was"))
    }

    /// The reported clause at `from` opens with a subordinator (`[that] if …`).
    fn opens_subordinate(&self, from: usize) -> bool {
        let f = if self.has(from, class::THAT) {
            from + 1
        } else {
            from
        };
        matches!(
            self.lower(f).as_ref(),
            "if" | "after"
                | "when"
                | "while"
                | "because"
                | "although"
                | "though"
                | "as"
                | "since"
                | "before"
                | "once"
                | "unless"
                | "until"
                | "whether"
        )
    }

    /// After the comma or conjunction at `k`, a speaker and their speech verb (`, and the
    /// treasurer said`, `while critics argue`).
    fn new_attribution(&self, k: usize) -> bool {
        let mut s = k + 1;
        if matches!(self.word(s), "and" | "but" | "while") {
            s += 1;
        }
        let mut j = s + 1;
        while j < s + 10 && j < self.t.len() {
            if self.in_quote(j) || matches!(self.p(j), ',' | '.' | ';' | ':' | '!' | '?') {
                return false;
            }
            if self.is_cue_word(j) && !self.t[j].cap {
                return self.np_before(j, s).is_some_and(|np| np.s == s);
            }
            j += 1;
        }
        false
    }

    /// A subject pronoun, an auxiliary or a negated verb: a clause has begun.
    fn opens_clause(&self, k: usize) -> bool {
        let w = self.word(k);
        matches!(w, "he" | "she" | "they" | "we" | "I" | "it")
            || is_auxiliary(w)
            || w.ends_with("n't")
            || w.ends_with("n’t")
    }

    /// A clause opening with a bare lowercase subject: a contracted pronoun (`it’s`,
    /// `they’re`) or a noun followed by a finite verb (`history has shown …`, `allies
    /// wanted …`).
    fn bare_subject(&self, k: usize) -> bool {
        let Some(first) = self.t.get(k) else {
            return false;
        };
        if !first.word || first.cap || self.has(k, class::STOP | class::TIME | class::CUE) {
            return false;
        }
        let w = self.word(k);
        if let Some((head, _)) = w.split_once(['’', '\'']) {
            return self.lex.classes(head) & class::PRON != 0;
        }
        let Some(next) = self.t.get(k + 1) else {
            return false;
        };
        if !next.word || next.cap {
            return false;
        }
        self.finite(k + 1)
    }

    /// A few words from `k` up to a lowercase finite verb (`this was`, `her group never
    /// worked`, `about half of the cuts were`): a subject and its verb, not an object
    /// (`the story he had heard` stops at its pronoun).
    fn subject_then_finite(&self, k: usize, hi: usize) -> bool {
        let mut j = k + 1;
        while j < hi && j < k + 11 {
            let Some(t) = self.t.get(j) else {
                return false;
            };
            if self.in_quote(j) {
                return false;
            }
            if t.word && !t.cap && self.finite(j) {
                return true;
            }
            let ok = (t.word || matches!(t.p, '-' | '%'))
                && !(t.word && !t.cap && t.cls & (class::THAT | class::CUE | class::PRON) != 0);
            if !ok {
                return false;
            }
            j += 1;
        }
        false
    }

    /// A verb that opens a relative's reported clause (`said [was ongoing]`).
    fn relative_verb(&self, k: usize) -> bool {
        matches!(
            self.word(k),
            "is" | "was"
                | "are"
                | "were"
                | "would"
                | "will"
                | "had"
                | "has"
                | "could"
                | "should"
                | "might"
                | "may"
                | "can"
                | "must"
        )
    }

    /// A finite verb form at `k`: an auxiliary, a modal or a past tense in `-ed`.
    fn finite(&self, k: usize) -> bool {
        let v = self.word(k);
        is_auxiliary(v) || (v.ends_with("ed") && v.len() > 3)
    }

    /// `according to X, …` at the start, or `…, according to X.` at the end.
    fn phrase_clause(&mut self, np: Np, cue: (usize, usize), lo: usize, hi: usize) {
        let mut k = np.e;
        // `as per the statement by Mr. X (Foreign Minister, Pakistan) during a meeting …,`
        // (`In addition, according to X, …`, `(According to X, …`: past a short opener)
        let opener = cue.0 > lo + 1
            && cue.0 <= lo + 4
            && matches!(self.p(cue.0 - 1), ',' | '(')
            && (lo..cue.0 - 1).all(|j| {
                self.has(j, class::STOP | class::FILLER | class::TIME)
                    || matches!(
                        self.word(j).to_lowercase().as_str(),
                        "addition" | "however" | "meanwhile" | "moreover" | "indeed" | "overall"
                    )
            });
        let fronted = cue.0 == lo
            || opener
            || (cue.0 > lo && matches!(self.p(cue.0 - 1), ',' | '“' | '"' | '('))
                && self.p(cue.0 - 1) != ',';
        if fronted {
            while k < hi {
                if self.p(k) == '(' {
                    while k < hi && self.p(k) != ')' {
                        k += 1;
                    }
                }
                // (not the comma of `1,000` or of `April, 2021`)
                let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
                let number = self
                    .t
                    .get(k + 1)
                    .is_some_and(|t| t.number && (t.s == self.t[k].e || year(self.word(k + 1))));
                if self.p(k) == ',' && !number {
                    break;
                }
                k += 1;
            }
            if k + 1 < hi {
                let end = self.clause_end(k + 1, hi);
                self.emit_clause(k + 1, end, np, cue, conf_of(np.kind, 0.82));
            }
        } else if cue.0 > lo && self.p(cue.0 - 1) == ',' {
            // `X, according to Y, is …`: the whole sentence, the source inside
            let mid = (np.e..hi.min(np.e + 14))
                .find(|&j| self.p(j) == ',' && self.finite(j + 1) && !self.t[j + 1].cap);
            if let Some(j) = mid {
                let end = self.clause_end(j + 1, hi);
                self.emit_clause(lo, end, np, cue, conf_of(np.kind, 0.75));
                return;
            }
            self.emit_clause(lo, cue.0 - 1, np, cue, conf_of(np.kind, 0.8));
        }
    }

    /// Emits reported content `a..b` (tokens): indirect, or partial quotes when it holds
    /// quoted fragments, or the direct quote it wholly is.
    fn emit_clause(&mut self, a: usize, b: usize, np: Np, cue: (usize, usize), conf: f32) {
        let b = b.min(self.t.len());
        // (one word only as the object after the cue: `endorsed [Cruz]`, `praised [her]`)
        let one = b == a + 1
            && a >= cue.1
            && self
                .t
                .get(a)
                .is_some_and(|t| t.word && (t.cap || t.cls & class::PRON != 0));
        if b < a + 2 && !one {
            return;
        }
        // quotes inside
        let mut inside: Vec<usize> = Vec::new();
        let mut k = a;
        while k < b {
            if let Some(qi) = self.quote_opening_at(k) {
                let q = self.quotes[qi];
                if q.close < b + 1 {
                    if self.qdone[qi] {
                        // already attributed: the clause stops before it
                        return self.emit_clause(a, k, np, cue, conf);
                    }
                    inside.push(qi);
                    k = q.close + 1;
                    continue;
                }
            }
            k += 1;
        }
        for k in cue.0..cue.1.min(self.cue_used.len()) {
            self.cue_used[k] = true;
        }
        if inside.is_empty() {
            if let Some((cs, ce)) = self.bytes(a, b) {
                self.push_indirect(cs, ce, np, cue, conf);
            }
            return;
        }
        // the whole content is one quote: direct
        if inside.len() == 1 {
            let q = self.quotes[inside[0]];
            let lead = (a..q.open).all(|j| !self.t[j].word);
            let trail = (q.close + 1..b).all(|j| !self.t[j].word);
            if lead && trail {
                self.push_quote(
                    inside[0],
                    QuoteKind::Direct,
                    Some(np),
                    Some(cue),
                    conf + 0.1,
                );
                return;
            }
        }
        // partial: one segment per coordinated fragment
        let mut seg_start = a;
        // (a later cue before a fragment reports it: `X denied it, dismissing [Y as “…”]`,
        // `… “…” and Trump calling [it a “…”]`): the words before it end there
        let (mut np, mut cue) = (np, cue);
        let mut framed = false;
        for (n, &qi) in inside.iter().enumerate() {
            let q = self.quotes[qi];
            self.qdone[qi] = true;
            let from = if n == 0 {
                a + 2
            } else {
                self.quotes[inside[n - 1]].close + 1
            };
            if let Some((j, inner, head, start)) = self.inner_cue(from.max(seg_start + 2), q.open) {
                self.cue_used[j] = true;
                let mut e = head;
                while e > seg_start
                    && ((!self.t[e - 1].word && !is_quote_char(self.p(e - 1)))
                        || matches!(
                            self.word(e - 1),
                            "and" | "but" | "before" | "after" | "when" | "while" | "by" | "with"
                        ))
                {
                    e -= 1;
                }
                if let Some((cs, ce)) = self.bytes(seg_start, e) {
                    if framed {
                        self.push_partial(cs, ce, np, cue, conf);
                    } else if e >= seg_start + 3 {
                        self.push_indirect(cs, ce, np, cue, conf);
                    }
                }
                seg_start = start;
                np = inner.unwrap_or(np);
                cue = (j, j + 1);
            }
            framed = true;
            let next = inside.get(n + 1).map(|&x| self.quotes[x]);
            let seg_end = match next {
                Some(nq) => {
                    let gap = q.close + 1..nq.open;
                    let conj = gap
                        .clone()
                        .find(|&j| matches!(self.word(j), "and" | "but" | "et" | "und" | "y"));
                    // (coordinated verbs, `“…” and considers it “…”`; not coordinated
                    // clauses or fragments, `that “…” and that “…”`, `“…” and “…”`)
                    // (a new act of saying: `“…” and called it “…”`; not more of the
                    // same clause, `that X is a “…” of elites, and that she would “…”`)
                    match conj
                        .filter(|&cj| self.verb_after_conj(cj + 1) && self.cue_after_conj(cj + 1))
                    {
                        Some(cj) => {
                            let end = q.close + 1;
                            if let Some((cs, ce)) = self.bytes(seg_start, end) {
                                self.push_partial(cs, ce, np, cue, conf);
                            }
                            framed = false;
                            // the reported words start after the verb (and its `that`)
                            let mut v = cj + 1;
                            if self.has(v, class::PRON) {
                                v += 1;
                            }
                            seg_start = if self.has(v + 1, class::THAT) {
                                v + 2
                            } else {
                                v + 1
                            };
                            continue;
                        }
                        None => continue,
                    }
                }
                None => b,
            };
            if let Some((cs, ce)) = self.bytes(seg_start, seg_end) {
                self.push_partial(cs, ce, np, cue, conf);
            }
        }
    }

    /// A verb at `k`, or a pronoun and its verb (`and considers`, `and he vowed`).
    fn verb_after_conj(&self, k: usize) -> bool {
        let k = if self.has(k, class::PRON) { k + 1 } else { k };
        let Some(t) = self.t.get(k) else { return false };
        let w = self.word(k);
        t.word
            && !t.cap
            && !self.in_quote(k)
            && t.cls & (class::THAT | class::DET | class::STOP | class::PRON) == 0
            && (t.cls & (class::CUE | class::ACT | class::LABEL) != 0
                || self.finite(k)
                || w.ends_with("ing")
                || (w.ends_with('s') && !w.ends_with("ss")))
    }

    /// A cue inside reported content `a..open` that reports the fragment opening at
    /// `open` itself: the last verb of saying or labelling before it, after a comma, a
    /// conjunction or a subject of its own (`…, adding that “…”`, `and Trump calling it
    /// “…”`, `when he claimed X was “…”`). Its token, its own subject if any, where the
    /// words before it end and where the reported words start.
    #[allow(clippy::type_complexity)]
    fn inner_cue(&self, from: usize, open: usize) -> Option<(usize, Option<Np>, usize, usize)> {
        let j = (from..open).rev().find(|&j| {
            self.t[j].word
                && !self.t[j].cap
                && !self.in_quote(j)
                && self.has(j, class::SPEECH | class::TELL | class::LABEL | class::ACT)
        })?;
        // (`which is an outcome, he said, “…”`: a parenthetical attribution)
        if self.p(j + 1) == ',' || self.noun_use(j) || self.possessed(j) {
            return None;
        }
        // (a name's verb has a verb's form: not `Clinton emails`, `the Nice attack`)
        let w = self.word(j);
        let verbal = self.finite(j)
            || w.ends_with("ing")
            || matches!(
                w,
                "said" | "says" | "told" | "tells" | "wrote" | "writes" | "calls"
            );
        let inner = self
            .np_head_before(j, from.saturating_sub(2))
            .filter(|n| n.e == j && n.s >= from.saturating_sub(2))
            .filter(|n| n.kind == NpKind::Pron || (n.kind == NpKind::Name && verbal));
        let joined = self.p(j - 1) == ','
            || matches!(
                self.word(j - 1),
                "and" | "but" | "before" | "after" | "when" | "while" | "by" | "then"
            );
        if !joined && inner.is_none() {
            return None;
        }
        // `which he called [“…”]`: the relative opens the reported words
        let head = inner.map_or(j, |n| n.s);
        let rel = head > from.saturating_sub(2)
            && matches!(
                self.word(head - 1),
                "which" | "who" | "whom" | "what" | "that" | "whose"
            );
        let head = if rel { head - 1 } else { head };
        Some((j, inner, head, if rel { head } else { j + 1 }))
    }

    /// A verb of saying or labelling at `k`, or a pronoun and one (`and called it`, `and
    /// he vowed`): a new speech act, not more of the same reported clause.
    fn cue_after_conj(&self, k: usize) -> bool {
        let k = if self.has(k, class::PRON) { k + 1 } else { k };
        self.has(k, class::CUE | class::ACT | class::LABEL)
    }

    /// Reported content without quoted words, `cs..ce` in bytes.
    fn push_indirect(&mut self, cs: usize, ce: usize, np: Np, cue: (usize, usize), conf: f32) {
        self.add_attr(Attr {
            cs,
            ce,
            kind: QuoteKind::Indirect,
            np: Some(np),
            cue: Some(cue),
            conf,
            join: false,
            sep: false,
        });
    }

    /// Reported content holding quoted words, `cs..ce` in bytes.
    fn push_partial(&mut self, cs: usize, ce: usize, np: Np, cue: (usize, usize), conf: f32) {
        self.add_attr(Attr {
            cs,
            ce,
            kind: QuoteKind::Partial,
            np: Some(np),
            cue: Some(cue),
            conf,
            join: false,
            sep: false,
        });
    }

    fn quote_opening_at(&self, k: usize) -> Option<usize> {
        let qi = self.inq.get(k + 1).copied()?;
        if qi == NONE {
            return None;
        }
        let q = self.quotes.get(qi as usize)?;
        (q.open == k && !q.dash).then_some(qi as usize)
    }

    // ---------------------------------------------------------------- embedded fragments

    /// A quote inside a sentence whose cue comes earlier: a partial quote.
    fn embedded(&mut self, qi: usize) {
        let q = self.quotes[qi];
        if q.dash || q.open == 0 {
            return;
        }
        // `…, of Tampa, Fla. “She …”`: a capitalised quote of a sentence or more after an
        // abbreviation that ends the sentence opens a sentence of its own (see `inherit`)
        let last = q.close.saturating_sub(1);
        let first = (q.open + 1..q.close).find(|&j| self.t[j].word);
        if self.t[q.open - 1].word
            && self.word(q.open - 1).ends_with('.')
            && first.is_some_and(|f| self.t[f].cap)
            && matches!(self.p(last), '.' | '?' | '!')
        {
            return;
        }
        // titles (`“War and Peace”`) are not statements
        let words = || (q.open + 1..q.close).filter(|&j| self.t[j].word);
        let title_case =
            words().all(|j| self.t[j].cap || self.has(j, class::CONN | class::STOP | class::DET));
        if title_case && words().nth(1).is_some() {
            return;
        }
        // a one-word title after a possessive or a name (`told NBC’s “Today”`)
        let owner = matches!(self.word(q.open - 1), "’s" | "'s") || self.is_name_word(q.open - 1);
        if title_case && owner {
            return;
        }
        if self.embedded_cue(qi) || self.qdone[qi] {
            return;
        }
        // no speech verb: the sentence's subject and verb (`Rubio bemoaned the climate in
        // which people “literally hate each other”`)
        let (lo, hi) = self.sent_range(q.open);
        // titles (`“Gifted Hands”`) and one-word scare quotes are not statements
        let words: Vec<usize> = (q.open + 1..q.close).filter(|&j| self.t[j].word).collect();
        let title_case = words
            .iter()
            .all(|&j| self.t[j].cap || self.has(j, class::CONN | class::STOP));
        if words.len() < 2 || title_case {
            return;
        }
        if let Some((np, v)) = self.sentence_subject(lo, q.open) {
            if !self.verbish(v) {
                return;
            }
            let start = if self.has(v + 1, class::THAT) {
                v + 2
            } else {
                v + 1
            };
            if start <= q.open && q.open - start < 30 {
                let end = self.clause_end(start, hi.max(q.close + 1)).max(q.close + 1);
                // `…, saying …`: a participle after a comma opens a clause of its own
                let end = (q.close + 1..end)
                    .find(|&j| {
                        self.word(j).ends_with("ing")
                            && self.has(j, class::CUE)
                            && (self.p(j - 1) == ',' || (j == q.close + 1 && self.p(j - 2) == ','))
                    })
                    .unwrap_or(end);
                if let Some((cs, ce)) = self.bytes(start, end) {
                    self.qdone[qi] = true;
                    self.push_partial(cs, ce, np, (v, v + 1), conf_of(np.kind, 0.5));
                }
            }
        }
    }

    /// [`Self::embedded`] with a cue word before the quote; true when it decided.
    fn embedded_cue(&mut self, qi: usize) -> bool {
        let q = self.quotes[qi];
        let (lo, _) = self.sent_range(q.open);
        let floor = q.open.saturating_sub(40).max(lo);
        let mut k = q.open;
        while k > floor {
            k -= 1;
            if self.in_quote(k) {
                continue;
            }
            let tk = self.t[k];
            if tk.cls & class::NOUN != 0 && !tk.cap {
                // `a statement … by X that …“…”`: the name closest before the clause
                let mut m = q.open;
                let mut by = false;
                for j in k + 1..q.open {
                    if matches!(self.word(j), "by" | "of") {
                        by = true;
                    }
                    if by && self.has(j, class::THAT) {
                        m = j;
                        break;
                    }
                }
                if by {
                    if let Some(np) = self.np_core_before(m, k + 1) {
                        self.push_quote(qi, QuoteKind::Partial, Some(np), Some((k, k + 1)), 0.7);
                        return true;
                    }
                }
                continue;
            }
            let verb = tk.cls & (class::SPEECH | class::TELL | class::BELIEF) != 0;
            if verb && tk.word && !tk.cap {
                let gerund =
                    self.word(k).ends_with("ing") || (k > lo && self.word(k - 1).ends_with("ing"));
                // `X called her “weak” and said …`: the subject of a coordinated verb
                let coord = k > lo + 1 && matches!(self.word(k - 1), "and" | "but");
                let np = self
                    .np_before(k, lo)
                    .or_else(|| self.clause_subject(k, lo))
                    .or_else(|| gerund.then(|| self.nearest_name(k, lo)).flatten())
                    // `X landed in trouble by saying …`: the sentence's subject
                    .or_else(|| {
                        gerund
                            .then(|| self.sentence_subject(lo, k))
                            .flatten()
                            .filter(|&(_, v)| self.verbish(v))
                            .map(|(np, _)| np)
                    })
                    .or_else(|| {
                        coord
                            .then(|| self.sentence_subject(lo, k - 1).map(|(np, _)| np))
                            .flatten()
                    });
                let Some(np) = np else { return true };
                // the reported words: after the verb (and its `that`) to the clause end
                let (_, hi) = self.sent_range(q.open);
                let mut start = k + 1;
                if let Some(th) = (k + 1..q.open.min(k + 9)).find(|&j| self.has(j, class::THAT)) {
                    start = th + 1;
                }
                let end = self.clause_end(start, hi.max(q.close + 1)).max(q.close + 1);
                let conf = conf_of(np.kind, 0.7);
                if let Some((cs, ce)) = self.bytes(start, end) {
                    self.qdone[qi] = true;
                    self.cue_used[k] = true;
                    self.push_partial(cs, ce, np, (k, k + 1), conf);
                }
                return true;
            }
        }
        false
    }

    /// The subject at the start of the sentence `lo..`, after a leading connective or an
    /// introductory phrase (`In April, Trump …`), and the token after it (its verb).
    fn sentence_subject(&self, lo: usize, hi: usize) -> Option<(Np, usize)> {
        let mut s = lo;
        if self.has(s, class::STOP | class::FILLER) || self.t.get(s).is_some_and(|t| !t.word) {
            let comma = (s..hi.min(s + 10)).find(|&j| self.p(j) == ',');
            s = match comma {
                Some(c) => c + 1,
                None => s + 1,
            };
        } else if self.word(s).ends_with("ing") {
            // `Speaking on Monday, Okafor …`: past a fronted participle phrase
            if let Some(c) = (s..hi.min(s + 10)).find(|&j| self.p(j) == ',') {
                s = c + 1;
            }
        }
        let np = match self.np_after(s, hi) {
            Some(np) => np,
            // `Several said …`, `Many argue …`
            None if self.has(s, class::DET) && self.t[s].word => Np {
                s,
                e: s + 1,
                kind: NpKind::Desc,
            },
            None => return None,
        };
        let mut v = np.e;
        let mut skipped = 0;
        while v < hi && (self.has(v, class::FILLER) || self.adverb(v)) && skipped < 3 {
            v += 1;
            skipped += 1;
        }
        let tv = self.t.get(v)?;
        (v < hi && tv.word && !tv.cap && tv.cls & (class::STOP | class::DET | class::PRON) == 0)
            .then_some((np, v))
    }

    /// A cue word, or a word that looks like a finite verb (`pushed`, `touts`).
    fn verbish(&self, v: usize) -> bool {
        let w = self.word(v);
        self.has(v, class::CUE) || w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss"))
    }

    /// A lowercase `-ly` adverb (`consistently`), skipped between a subject and its verb.
    fn adverb(&self, v: usize) -> bool {
        self.t.get(v).is_some_and(|t| t.word && !t.cap) && self.word(v).ends_with("ly")
    }

    /// The closest name or pronoun before `k` in its sentence (at most 14 tokens back).
    fn nearest_name(&self, k: usize, lo: usize) -> Option<Np> {
        let floor = k.saturating_sub(14).max(lo);
        let mut j = k;
        while j > floor {
            if self.in_quote(j - 1) {
                return None;
            }
            if self.has(j - 1, class::PRON) || self.is_name_word(j - 1) {
                let np = self.np_core_before(j, lo)?;
                // `Vladimir Putin welcoming …`: a person's name, not a sentence-initial word
                if np.kind == NpKind::Pron || np.e - np.s >= 2 {
                    return Some(np);
                }
                return None;
            }
            j -= 1;
        }
        None
    }

    /// A full-sentence quote right after a sentence that attributes something without
    /// quoting it takes that speaker (`She said the talks
    /// failed. “We tried everything.”`): a quote of its own.
    fn after_attribution(&mut self) {
        // the last attribution whose speaker and cue lie in each sentence (one pass, so
        // the whole search stays linear)
        let mut last_in: Vec<u32> = vec![NONE; self.sents.len()];
        for (i, at) in self.attrs.iter().enumerate() {
            if let Some(s) = self.attr_sentence(at) {
                last_in[s] = i as u32;
            }
        }
        for qi in 0..self.quotes.len() {
            let q = self.quotes[qi];
            if self.qdone[qi] || !q.double || q.dash || q.open == 0 {
                continue;
            }
            let last = q.close.saturating_sub(1);
            let ends = matches!(self.p(last), '.' | '?' | '!') || self.word(last) == "...";
            let words = (q.open + 1..q.close).filter(|&j| self.t[j].word).count();
            let prev = q.open - 1;
            // (in its paragraph, or opening the next one)
            let opens = matches!(self.p(prev), '.' | '?' | '!') && !self.in_quote(prev);
            if !ends || words < 4 || !opens || self.words_after_close(&q) {
                continue;
            }
            let sent = self.t[prev].sent as usize;
            let Some(src) = last_in.get(sent).and_then(|&i| self.attrs.get(i as usize)) else {
                continue;
            };
            let src = *src;
            let before = self.attrs.len();
            self.push_quote(qi, QuoteKind::Direct, src.np, src.cue, 0.5);
            if self.attrs.len() > before {
                last_in[sent] = before as u32;
            }
            // (after a quotation of the same speaker, it carries that quotation on)
            let quoted = src.kind != QuoteKind::Indirect;
            if let Some(last) = self.attrs.last_mut() {
                last.join = quoted;
                last.sep = !quoted;
            }
        }
    }

    /// `“Why now?” Mills writes back, “You look cute.”`: after a quote that ends its
    /// sentence, the words from `j` are the attribution of the next quote, opening after
    /// their comma or colon with a capital, not of this one.
    fn cue_opens_next(&self, qi: usize, j: usize) -> bool {
        let (Some(q), Some(nq)) = (self.quotes.get(qi), self.quotes.get(qi + 1)) else {
            return false;
        };
        let last = q.close.saturating_sub(1);
        if !matches!(self.p(last), '?' | '!' | '.') || nq.dash || nq.open <= j + 1 {
            return false;
        }
        if nq.open > j + 8 || !matches!(self.p(nq.open - 1), ',' | ':') {
            return false;
        }
        let plain = (j..nq.open - 1).all(|k| !matches!(self.p(k), '.' | '?' | '!' | ';' | ','));
        let cue = (j..nq.open - 1).any(|k| self.is_cue_word(k));
        let first = (nq.open + 1..nq.close).find(|&k| self.t[k].word);
        plain && cue && first.is_some_and(|f| self.t[f].cap)
    }

    /// A cue at `c` chained to an attribution earlier in its sentence (`X said before
    /// adding:`, `X said …, and then predicted:`, `X said on “Show,” adding,`): that
    /// attribution's speaker.
    fn chained_cue(&self, c: usize) -> Option<Np> {
        let mut k = c;
        let mut links = 0;
        while k > 0 && links < 2 && matches!(self.word(k - 1), "before" | "then" | "and") {
            k -= 1;
            links += 1;
        }
        // (`on “Morning Show,” adding`: after a title closing with its comma)
        let after_title = links == 0
            && k >= 2
            && self.p(k - 2) == ','
            && is_quote_char(self.p(k - 1))
            && self.in_quote(k - 2);
        if links == 0 && !after_title {
            return None;
        }
        if links > 0 && k > 0 && self.p(k - 1) == '.' {
            return None;
        }
        let sent = self.t.get(c)?.sent;
        self.sent_speakers
            .iter()
            .rev()
            .find(|&&(s, n)| s == sent && n.e <= k)
            .map(|&(_, n)| n)
    }

    /// Between two quotes (tokens `a..b`), a whole sentence of at least four words other
    /// than the one holding the cue: narrative (`“A,” Vole said. The hall went quiet.
    /// “B.”`), not only the attribution.
    fn narrative_between(&self, cue: Option<(usize, usize)>, a: usize, b: usize) -> bool {
        let Some(cue_sent) = cue.and_then(|c| self.t.get(c.0)).map(|t| t.sent) else {
            return false;
        };
        let mut s = match self.t.get(a) {
            Some(t) => t.sent as usize,
            None => return false,
        };
        while let Some(&(ss, se)) = self.sents.get(s) {
            if ss >= b || se > b {
                break;
            }
            let words = (ss.max(a)..se).filter(|&j| self.t[j].word).count();
            let lower = (ss.max(a)..se).any(|j| self.t[j].word && !self.t[j].cap);
            if s as u32 != cue_sent && ss >= a && words >= 4 && lower {
                return true;
            }
            s += 1;
        }
        false
    }

    /// The sentence holding both the speaker and the cue of `at`, if one does.
    fn attr_sentence(&self, at: &Attr) -> Option<usize> {
        let (n, c) = (at.np?, at.cue?);
        let s = self.t.get(n.s)?.sent as usize;
        let &(a, b) = self.sents.get(s)?;
        (n.s >= a && n.e <= b && c.0 >= a && c.1 <= b).then_some(s)
    }

    /// A full-sentence quote next to an attributed one takes its speaker
    /// (`“A,” he said. “B.”`).
    fn inherit(&mut self) {
        let nq = self.quotes.len();
        for qi in 0..nq {
            if self.qdone[qi] {
                continue;
            }
            let q = self.quotes[qi];
            if !q.double || q.dash || self.named_work(&q) {
                continue;
            }
            // a sentence or more: opens a sentence and ends with sentence punctuation
            let last = q.close.saturating_sub(1);
            let ends = matches!(self.p(last), '.' | '?' | '!' | ',') || self.word(last) == "...";
            let words = (q.open + 1..q.close).filter(|&j| self.t[j].word).count();
            let para = self.t[q.open].para;
            let same_para_prev = qi > 0 && self.t[self.quotes[qi - 1].close].para == para;
            if words == 0 || (!same_para_prev && (!ends || words < 4)) {
                continue;
            }
            // the previous quote, attributed, in this paragraph or the one before (past
            // at most two short unattributed ones, such as a title)
            let Some(mut p) = qi.checked_sub(1) else {
                continue;
            };
            for _ in 0..2 {
                let pq = self.quotes[p];
                let short = pq.close < pq.open + 8;
                if self.qdone[p] || !short || p == 0 {
                    break;
                }
                p -= 1;
            }
            let pq = self.quotes[p];
            if !self.qdone[p] || self.t[pq.close].para + 1 < para || q.open > pq.close + 80 {
                continue;
            }
            let Some(src) = self.attrs.get(self.qattr[p] as usize).copied() else {
                continue;
            };
            let same_para = self.t[pq.close].para == para;
            let opens_para = q.open == 0 || self.t[q.open - 1].para != para;
            // only the attribution between the two quotes, or a new paragraph that opens
            // with the quote
            let between = (pq.close + 1..q.open).filter(|&j| self.t[j].word).count();
            // a long attribution (`said X, co-director of …`) is fine when it is one sentence
            let one_sentence = (pq.close + 1..q.open.saturating_sub(1))
                .all(|j| !matches!(self.p(j), '.' | '!' | '?' | ';'));
            let limit = if one_sentence { 60 } else { 25 };
            if (!same_para && !opens_para) || (same_para && between > limit) {
                continue;
            }
            // a title named in the attribution (`“A,” she said on the show “Late Hour.”`,
            // `he told “Morning News”`) follows a word, not a comma or a colon: a name,
            // not more of the speech (`…, and “B”` still carries it on)
            let w = self.word(q.open - 1);
            if same_para
                && q.open > pq.close + 1
                && self.t[q.open - 1].word
                && !matches!(w, "and" | "but" | "or")
                && !w.ends_with('.')
            {
                continue;
            }
            if !same_para
                && (pq.close + 1..q.open)
                    .any(|j| self.t[j].para != self.t[pq.close].para && self.t[j].para != para)
            {
                continue;
            }
            // a sentence in between about someone else (`“A,” Vole said. Ames disagreed.
            // “B.”`): the quote after it is not Vole's
            let src_word = src.np.map(|n| self.word(n.e - 1));
            let other = (pq.close + 2..q.open).any(|j| {
                matches!(self.p(j - 1), '.' | '!' | '?')
                    && self.np_after(j, q.open).is_some_and(|n| {
                        matches!(n.kind, NpKind::Name | NpKind::Pron)
                            && Some(self.word(n.e - 1)) != src_word
                            && (n.e..q.open.min(n.e + 3)).any(|v| self.t[v].word && !self.t[v].cap)
                    })
            });
            if other && src.np.is_some_and(|n| n.kind == NpKind::Name) {
                continue;
            }
            // (a narrative sentence after the attribution, `“A,” Vole said. The hall went
            // quiet. “B.”`: the same speaker, but a quote of its own)
            let narrative = same_para && self.narrative_between(src.cue, pq.close + 1, q.open);
            self.push_quote(
                qi,
                QuoteKind::Direct,
                src.np,
                src.cue,
                (src.conf - 0.1).max(0.3),
            );
            if let Some(last) = self.attrs.last_mut() {
                last.join = same_para && !narrative;
                last.sep = narrative;
            }
        }
    }
}

/// An auxiliary or modal verb form (`has`, `was`, `will`, `might` …).
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "had"
            | "have"
            | "is"
            | "was"
            | "are"
            | "were"
            | "will"
            | "would"
            | "could"
            | "can"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "may"
            | "might"
    )
}

fn conf_of(kind: NpKind, base: f32) -> f32 {
    match kind {
        NpKind::Name => base,
        NpKind::Pron => base - 0.07,
        NpKind::Desc | NpKind::Rel => base - 0.05,
    }
}

#[cfg(test)]
mod tests;
