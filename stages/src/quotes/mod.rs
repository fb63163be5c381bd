//! `quotes`: who said what — direct, partial and indirect quotations with their speaker,
//! resolved to one entity, and their cue.
//!
//! Requires [`LayerName::TOKENS`] and [`LayerName::SENTENCES`] (the `tokens` stage); uses
//! the `lang` layer (or the input's `lang` field) when present, so `lang` comes before it
//! in a chain. Provides [`LayerName::QUOTES`].
//!
//! [`LayerName::TOKENS`]: pipeline_core::LayerName::TOKENS
//! [`LayerName::SENTENCES`]: pipeline_core::LayerName::SENTENCES
//! [`LayerName::QUOTES`]: pipeline_core::LayerName::QUOTES
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
//! Languages: English (all patterns); French, German, Spanish, Portuguese, Russian,
//! Czech, Italian and Dutch: direct quotes in their marks (`„ “`, `‚ ‘`, `» «`, `« »` with inner `“ ”`,
//! dialogue dashes) and reported speech by the rules of `reported.rs` — a cue before its
//! clause (`dass` or the subjunctive, `que`, `что`, `že`), inverted (`Daraufhin erklärte
//! M., daß …`, `заявил X, что …`) or after it (`…, sagte X.`, `…, a déclaré le
//! ministre.`), a source before or after its speaker (`laut`, `selon`, `según`, `segundo`,
//! `по словам`, `podle`, `X zufolge`), a cue inside commas (`wie X sagt`), subjunctive
//! continuations in German, and in Spanish, Portuguese, Russian, Czech and Italian a cue without a
//! subject (`"…", sostuvo.`), which takes the current speaker. German also takes a quote
//! after a colon from the cue before it (`X bemerkt dagegen: „…“`, `mit den Worten: „…“`),
//! nouns of saying with their clause (`die Mitteilung, daß …`), infinitive clauses, and a
//! clause whose speaker is not written, without a speaker; an inverted role takes its
//! appositive name (`a déclaré la ministre, Claire Dubois`); French turns after their
//! attribution's sentence are quotes of their own (`« A », a-t-elle dit. « B. »`). The word lists live in
//! data files under `src/quotes/data/` (see its README; a few of two or three words are
//! still written in the rules); other languages fall back to the English lists.
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
//! Failure: a document without tokens or sentences is a
//! [`StageError::MissingLayer`](pipeline_core::StageError::MissingLayer) error. Any text is otherwise accepted: unbalanced or stray quotation marks are dropped
//! at the end of their paragraph, and the stage never panics. Time is linear in the
//! number of tokens.
//!
//! # Layout
//!
//! One `Analyzer` (in `analysis.rs`) per document holds the token table, the paired quotation
//! marks and the attributions found so far; each pass is an `impl Analyzer` block in its
//! own file, and `Analyzer::run` calls them in order. Pass modules import only
//! from `analysis`, `lexicon` and the shared [`crate::text`] helpers, never from each other (they call each other's methods
//! through `self`).
//!
//! | file | what it holds |
//! |---|---|
//! | `config.rs`, `stage.rs` | [`QuoteConfig`] and [`QuoteStage`] (the `SyncStage`) |
//! | `analysis.rs` | the token table, the shared types, small accessors, the pass order |
//! | `languages/` | one small module a language (`en.rs`, `fr.rs`, `de.rs`, `es.rs`, `pt.rs`, `ru.rs`, `cs.rs`, `it.rs`, `nl.rs`: its code, data file, dialogue dashes, `that` words, whether it drops subjects, capitalises nouns and runs `reported.rs`) and the registry `LANGUAGES`; a template to copy |
//! | `lexicon.rs`, `data/` | per language: word classes (matched lowercased) and the word lists the rules use (`list NAME:`, matched as written), parsed once |
//! | `marks.rs` | pairing quotation marks, dialogue dashes |
//! | `names.rs` | name words, name runs, modifiers and jobs before a name |
//! | `speaker.rs` | the speaker noun phrase before or after a cue |
//! | `cues.rs` | word-level tests on cue words and verbs |
//! | `direct.rs` | direct quotes and their attribution |
//! | `headlines.rs` | speaker labels and headlines |
//! | `german.rs` | German word order for `reported.rs`: nouns in a phrase or an object's case, V2 coordinated subjects, sentences broken after abbreviations; colon quotes, split verbs of saying, `Nach` sources, genitive speakers; the German clause tests (noun-phrase end, coordinated main clause, subjunctive and infinitive clauses); sentences split at `. --`; papers named in marks before their verb |
//! | `reported.rs` | reported speech in the languages other than English (inverted and subject-less cues, sources after their speaker, subjunctive continuations) |
//! | `clauses/` | reported clauses: `subject`, `ends`, `source`, `verb`, `special` |
//! | `fragments.rs` | quotations embedded in a sentence whose cue comes earlier |
//! | `inherit.rs` | speakers carried over to neighbouring quotes |
//! | `uncued.rs` | long quotations no cue attributes, in a language that counts them (German) |
//! | `turns.rs` | replies in a dialogue: the addressee of a question, or the other of the two last speakers |
//! | `emit.rs` | recording attributions, splitting content at fragments, final filters |
//! | `resolve.rs` | speaker resolution, one entity per person |
//! | `tests*.rs` | unit tests |
//!
//! A rule that needs a new word list: add a `list NAME:` line to `data/en.txt`, a constant
//! to `lexicon::list` and its name to `list_bit`, and test a token with
//! `Analyzer::in_list`.
//!
//! A new language is a data file plus one small module: add `data/<code>.txt` with its
//! word classes (see `data/README.md`) and `languages/<code>.rs` (copy `fr.rs`, or
//! `es.rs` for a language that drops its subjects), and add
//! it to `LANGUAGES` in `languages/mod.rs` (its docs hold the template; its three-letter
//! code maps through [`crate::lang::iso639_1`]); its quotation marks go in
//! `data/marks.txt`, and its own `list NAME:` lines replace the English lists one by one. The patterns
//! themselves are shared: the English passes, and for the other languages `reported.rs`,
//! driven by their word classes and lists; a construction only one language has needs its
//! rule in the pass that finds it, guarded by that language's list.
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

mod analysis;
mod clauses;
mod config;
mod cues;
mod direct;
mod emit;
mod fragments;
mod german;
mod headlines;
mod inherit;
mod languages;
mod lexicon;
mod marks;
mod names;
mod reported;
mod resolve;
mod speaker;
mod stage;
mod turns;
mod uncued;
mod wordmap;

pub use config::QuoteConfig;
pub use stage::QuoteStage;

// The tests (`use super::*`) name these core types.
#[cfg(test)]
use pipeline_core::{Document, Quote, StageError, SyncStage};

#[cfg(test)]
mod tests;
