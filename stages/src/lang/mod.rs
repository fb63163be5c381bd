//! `lang`: language identification.
//!
//! Requires nothing; provides [`LayerName::LANG`]: `{code, name, script, confidence,
//! reliable, source}`. An input record's own `lang` field (an ISO 639-1 code) wins over
//! detection (`source: "input"`, confidence 1).
//!
//! ```toml
//! [[stage]]
//! type = "lang"
//! max_bytes = 2048   # bytes of text examined at most (default 2048)
//! backend = "ngram"  # our letter n-gram model (default), or "whatlang"
//! ```
//!
//! `backend = "whatlang"` detects with the [`whatlang`] crate instead (the detector the
//! design card named): 69 languages, mapped to the same ISO 639-1 codes; the languages it
//! lacks are never predicted. Its accuracy, speed and languages beside ours: `docs/stages.md`.
//!
//! # Languages
//! The 75 languages of lingua 1.8, with ISO 639-1 codes: af ar az be bg bn bs ca cs cy da de
//! el en eo es et eu fa fi fr ga gu he hi hr hu hy id is it ja ka kk ko la lg lt lv mi mk mn
//! mr ms nb nl nn pa pl pt ro ru sk sl sn so sq sr st sv sw ta te th tl tn tr ts uk ur vi xh
//! yo zh zu; plus, by script alone, am (Ethiopic), km, kn, ml, my, or, si. A text in any other
//! language gets the closest of these.
//!
//! # How it works
//! 1. The letters of the first `max_bytes` are counted by script; the most frequent script
//!    decides. A script used by one language here gives that language (Greek → el, Hangul →
//!    ko, Hebrew → he, Thai → th, Gujarati → gu, …); Han with any kana is ja, without is zh.
//!    The confidence is the share of letters in that script; reliable if at least half of
//!    at least 3 letters.
//! 2. Latin, Cyrillic, Arabic and Devanagari text goes to a naive Bayes classifier over the
//!    languages of that script: each word of that script, lowercased, is scored letter by
//!    letter with `ln P(letter | two letters before)` from each language's letter trigram
//!    model, backing off to the bigram and then the letter frequency (−1 nat per step), and
//!    −14 nat for a letter the language never uses. Words do not cross non-letters; letters of
//!    other scripts (a Latin name in Russian text) are skipped, and so are combining accents
//!    (U+0300–U+036F) of decomposed text, without ending the word. Every 64 letters the stage
//!    stops reading if the leader is 40 nat ahead, so a long article costs about as much as
//!    its first sentences.
//! 3. `confidence` is the posterior of the winner among the candidates with log-likelihoods
//!    halved (letter n-grams are not independent, raw posteriors are overconfident);
//!    `reliable` means confidence ≥ 0.9 on at least 20 letters. On the sentence set below,
//!    91% of sentences come out reliable and 98.5% of those are right; sentences with
//!    confidence ≥ 0.99 are right 99.3% of the time, below 0.5 only 40%.
//!
//! The model (`model.bin`, 3.1 MB, embedded with `include_bytes!` and read in place, so
//! there is no load step and no start-up cost) holds the letter 1-, 2- and 3-gram
//! log-probabilities of the 62 languages not told apart by script, derived from the
//! n-gram models of the lingua-rs crates (Apache-2.0). How it is built and licensed:
//! `MODEL.md` beside this file; rebuild with `bash stages/src/lang/build_model.sh`.
//!
//! # Why this design
//! whatlang 0.18 (the first version of this stage) lacks 17 of the 75 languages and scored
//! 0.718 on the sentence set below. The `lingua` crate itself (letter 1- to 5-grams, rules
//! on top) would cover them all, but with all 75 languages it pulls in 75 model crates whose
//! embedded models total 276 MB (measured in the cargo registry): a binary of hundreds of MB
//! and long builds on our 2-core machines, and restricting its language set would drop
//! languages the issue asks for. Scoring lingua's own letter n-gram probabilities ourselves,
//! pruned to trigrams and quantised, keeps high accuracy in 3.1 MB, with no load step and
//! no new runtime dependency. whatlang stays available as `backend = "whatlang"` for users
//! who trust it; it is not used unless chosen.
//!
//! # Accuracy and speed
//! On the sentence set of issue 2 (`bash ../shared/eval/eval.sh langid
//! ../shared/eval/data/langid_dev.jsonl`, 37,076 sentences in the 75 languages; lingua's
//! test sentences, never used to build the model; its constants were set beforehand, not
//! searched on this set): **0.956** accuracy, 0.957 macro.
//! Weakest: bs 0.35 (read as hr), ms 0.36 (read as id), id 0.72, nb 0.73 (nn, da), ca 0.84,
//! nn 0.86: close pairs that letter trigrams of one sentence cannot always tell apart.
//! Adding each language's 8,000 most frequent 4-grams (the builder and reader handle any
//! order up to 5) measured 0.962 but doubled the model to 6 MB, so it is not used.
//! Speed (one core, `cargo bench -p benches --bench lang`, on a shared 2-core machine):
//! 370–440 MiB/s on an 8 KiB English article and over 3 GiB/s on 64 KiB (a prefix
//! suffices), 270–400 MiB/s on German, 85–125 MiB/s on Russian, 10 MiB/s (8.5 µs) on one
//! 100-byte sentence; whatlang did about 18 MB/s per article. N-grams known to at least half
//! the languages are stored as dense rows with the backoff precomputed, so most letters
//! cost one lookup and one vector subtraction.
//!
//! # Failure
//! Never fails and never panics: a text with no letters (empty, digits, symbols) gets code
//! `und`, name `Undetermined`, confidence 0, `reliable: false`, script `Unknown`; letters of
//! a script not listed above count as no letters.
//!
//! ```
//! use pipeline_core::{Document, SyncStage};
//! use stages::lang::{LangConfig, LangStage};
//! let stage = LangStage::new(LangConfig::default());
//! let mut doc = Document::new("a", "The defence secretary said the talks went well and would continue.");
//! stage.apply(&mut doc).unwrap();
//! assert_eq!(doc.lang().unwrap().code, "en");
//! ```

use pipeline_core::{Document, Language, LayerName, StageError, SyncStage};
use serde::Deserialize;

use crate::text::prefix;

mod codes;
mod model;
mod script;
mod whatlang_backend;

pub use codes::{iso639_1, language_name};
use model::Hit;
use script::Script;
pub use whatlang_backend::languages as whatlang_languages;

/// Options of the `lang` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LangConfig {
    /// Bytes of text examined at most (rounded down to a character boundary). Scoring stops
    /// earlier once one language leads clearly.
    pub max_bytes: usize,
    /// The detector.
    pub backend: Backend,
}

/// Which detector the `lang` stage uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Backend {
    /// Our letter n-gram model over 75 languages (`"ngram"`, the default).
    #[default]
    Ngram,
    /// The `whatlang` crate (`"whatlang"`): 69 languages.
    Whatlang,
}

impl Default for LangConfig {
    fn default() -> Self {
        LangConfig {
            max_bytes: 2048,
            backend: Backend::default(),
        }
    }
}

/// The `lang` stage.
#[derive(Debug, Clone)]
pub struct LangStage {
    config: LangConfig,
}

/// Score units: the model stores `-ln p` in 1/8 nat.
const UNIT: f64 = model::SCALE as f64;
/// Stop reading once the leader is this far ahead of the runner-up (40 nat) ...
const STOP_MARGIN: i32 = 320;
/// ... checked every this many letters.
const CHECK_EVERY: u32 = 64;

impl LangStage {
    /// Builds the stage.
    pub fn new(config: LangConfig) -> LangStage {
        LangStage { config }
    }

    /// Detects the language of `text`.
    ///
    /// ```
    /// use stages::lang::{LangConfig, LangStage};
    /// let lang = LangStage::new(LangConfig::default()).detect("Der Minister sagte, die Gespräche seien gut verlaufen.");
    /// assert_eq!(lang.code, "de");
    /// assert_eq!(lang.name, "German");
    /// ```
    pub fn detect(&self, text: &str) -> Language {
        let sample = prefix(text, self.config.max_bytes);
        if self.config.backend == Backend::Whatlang {
            return whatlang_backend::detect(sample);
        }
        let counts = script::Counts::of(sample);
        let Some(dominant) = counts.dominant() else {
            return undetermined(None);
        };
        let share = f64::from(counts.get(dominant)) / f64::from(counts.total().max(1));
        let letters = counts.total();
        let by_script = |code: &str, confidence: f64| {
            detected(
                code,
                dominant,
                confidence,
                confidence >= 0.5 && letters >= 3,
            )
        };
        match dominant {
            Script::Latin | Script::Cyrillic | Script::Arabic | Script::Devanagari => {
                ngram_detect(sample, dominant).unwrap_or_else(|| undetermined(Some(dominant)))
            }
            Script::Mandarin | Script::Hiragana | Script::Katakana => {
                let kana = counts.get(Script::Hiragana) + counts.get(Script::Katakana);
                let cjk = kana + counts.get(Script::Mandarin);
                let share = f64::from(cjk) / f64::from(counts.total().max(1));
                by_script(if kana > 0 { "ja" } else { "zh" }, share)
            }
            Script::Greek => by_script("el", share),
            Script::Armenian => by_script("hy", share),
            Script::Georgian => by_script("ka", share),
            Script::Hebrew => by_script("he", share),
            Script::Thai => by_script("th", share),
            Script::Hangul => by_script("ko", share),
            Script::Bengali => by_script("bn", share),
            Script::Gurmukhi => by_script("pa", share),
            Script::Gujarati => by_script("gu", share),
            Script::Oriya => by_script("or", share),
            Script::Tamil => by_script("ta", share),
            Script::Telugu => by_script("te", share),
            Script::Kannada => by_script("kn", share),
            Script::Malayalam => by_script("ml", share),
            Script::Sinhala => by_script("si", share),
            Script::Myanmar => by_script("my", share),
            Script::Khmer => by_script("km", share),
            Script::Ethiopic => by_script("am", share),
        }
    }
}

/// The languages the n-gram model tells apart, by the script they are written in.
fn script_of_language(code: &str) -> Option<Script> {
    Some(match code {
        "be" | "bg" | "kk" | "mk" | "mn" | "ru" | "sr" | "uk" => Script::Cyrillic,
        "ar" | "fa" | "ur" => Script::Arabic,
        "hi" | "mr" => Script::Devanagari,
        "" => return None,
        _ => Script::Latin,
    })
}

/// Naive Bayes over letter trigrams (backing off to bigrams and letters) among the model's
/// languages written in `script`; `None` when no letter of that script is scored.
fn ngram_detect(sample: &str, script: Script) -> Option<Language> {
    let model = model::model()?;
    let codes = model.codes();
    let mut candidate = [false; model::MAX_LANGS];
    for (i, code) in codes.iter().enumerate() {
        candidate[i] = script_of_language(code) == Some(script);
    }
    let mut scorer = Scorer::new(model);
    // the last letters of the current word, and how many letters it has so far
    let mut ctx = ['\0'; model::MAX_ORDER];
    let mut len = 0usize;
    let mut letters = 0u32;
    let mut next_check = CHECK_EVERY;
    for ch in sample.chars() {
        if script::of(ch) == Some(script) {
            for c in ch.to_lowercase() {
                ctx.copy_within(1.., 0);
                ctx[model::MAX_ORDER - 1] = c;
                len += 1;
                scorer.letter(&ctx, len);
                letters += 1;
            }
            continue;
        }
        if ('\u{300}'..='\u{36f}').contains(&ch) {
            // a combining accent of decomposed (NFD) text: skipped, the word goes on
            continue;
        }
        len = 0;
        if letters >= next_check {
            next_check = letters + CHECK_EVERY;
            if let Some((_, best, second)) = leaders(&scorer.totals, &candidate) {
                if best - second >= STOP_MARGIN {
                    break;
                }
            }
        }
    }
    if letters == 0 {
        return None;
    }
    let totals = &scorer.totals;
    let (best_i, best, _) = leaders(totals, &candidate)?;
    // Posterior among the candidates, tempered (halved log-likelihoods) since letter
    // n-grams are far from independent.
    let mut z = 0.0;
    for (i, t) in totals.iter().enumerate() {
        if candidate[i] {
            z += (f64::from(t - best) / UNIT * 0.5).exp();
        }
    }
    let confidence = 1.0 / z;
    let code = codes.get(best_i)?;
    Some(detected(
        code,
        script,
        confidence,
        confidence >= 0.9 && letters >= 20,
    ))
}

/// Log-likelihoods (in 1/8 nat) of the text so far in every language of the model.
struct Scorer {
    model: &'static model::Model,
    n: usize,
    totals: [i32; model::MAX_LANGS],
    pos: [u8; model::MAX_LANGS],
}

impl Scorer {
    fn new(model: &'static model::Model) -> Scorer {
        Scorer {
            model,
            n: model.codes().len().min(model::MAX_LANGS),
            totals: [0; model::MAX_LANGS],
            pos: [0; model::MAX_LANGS],
        }
    }

    /// Scores the last letter of `ctx` (the word's last [`model::MAX_ORDER`] letters, the
    /// first `MAX_ORDER - avail` of them unused): the longest n-gram ending there that a
    /// language's model has gives the cost there, plus the backoff cost per order dropped,
    /// or the floor.
    #[inline]
    fn letter(&mut self, ctx: &[char; model::MAX_ORDER], avail: usize) {
        let m = self.model;
        let n = self.n;
        let top = avail.min(m.max_order);
        let mut hits = [Hit::Absent; model::MAX_ORDER + 1];
        let mut base = 0;
        for k in (1..=top).rev() {
            let h = m.lookup(&ctx[model::MAX_ORDER - k..]);
            if let Hit::Dense(row) = h {
                if k == top {
                    self.subtract_row(row);
                    return;
                }
                self.pos[..n].copy_from_slice(row);
                base = k;
                break;
            }
            hits[k] = h;
        }
        let pos = &mut self.pos[..n];
        if base == 0 {
            pos.fill(m.floor);
        }
        for (k, hit) in hits.iter().enumerate().take(top + 1).skip(base + 1) {
            if let Hit::Sparse(list) = hit {
                let extra = u8::try_from(m.max_order - k)
                    .unwrap_or(u8::MAX)
                    .saturating_mul(m.backoff);
                set_costs(pos, list, extra);
            }
        }
        for (t, &p) in self.totals[..n].iter_mut().zip(self.pos[..n].iter()) {
            *t -= i32::from(p);
        }
    }

    #[inline]
    fn subtract_row(&mut self, row: &[u8]) {
        for (t, &p) in self.totals[..self.n].iter_mut().zip(row) {
            *t -= i32::from(p);
        }
    }
}

/// Sets the cost of each language in `list` (pairs of language index and cost) plus `extra`.
#[inline]
fn set_costs(pos: &mut [u8], list: &[u8], extra: u8) {
    for e in list.chunks_exact(2) {
        if let Some(p) = pos.get_mut(usize::from(e[0])) {
            *p = e[1].saturating_add(extra);
        }
    }
}

/// (index of the best candidate, its score, the runner-up's score).
fn leaders(totals: &[i32], candidate: &[bool]) -> Option<(usize, i32, i32)> {
    let mut best: Option<(usize, i32)> = None;
    let mut second = i32::MIN;
    for (i, &t) in totals.iter().enumerate() {
        if !candidate.get(i).copied().unwrap_or(false) {
            continue;
        }
        match best {
            Some((_, b)) if t <= b => second = second.max(t),
            Some((_, b)) => {
                second = b;
                best = Some((i, t));
            }
            None => best = Some((i, t)),
        }
    }
    best.map(|(i, b)| (i, b, second))
}

fn detected(code: &str, script: Script, confidence: f64, reliable: bool) -> Language {
    Language {
        code: code.to_owned(),
        name: language_name(code).unwrap_or("Unknown").to_owned(),
        script: script.name().to_owned(),
        confidence: round3(confidence),
        reliable,
        source: "detected".to_owned(),
    }
}

/// Rounds a confidence to three decimals.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn undetermined(script: Option<Script>) -> Language {
    undetermined_named(script.map(Script::name))
}

/// No language, in the script named `script` if any.
fn undetermined_named(script: Option<&str>) -> Language {
    Language {
        code: "und".to_owned(),
        name: "Undetermined".to_owned(),
        script: script.unwrap_or("Unknown").to_owned(),
        confidence: 0.0,
        reliable: false,
        source: "detected".to_owned(),
    }
}

impl SyncStage for LangStage {
    fn name(&self) -> &str {
        "lang"
    }

    fn provides(&self) -> Vec<LayerName> {
        vec![LayerName::LANG]
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        if doc.lang().is_some() {
            return Ok(());
        }
        let lang = match doc.lang_hint() {
            Some(code) => Language {
                code: code.to_owned(),
                name: language_name(code).unwrap_or("Unknown").to_owned(),
                script: script::Counts::of(prefix(doc.text(), self.config.max_bytes))
                    .dominant()
                    .map_or("Unknown", Script::name)
                    .to_owned(),
                confidence: 1.0,
                reliable: true,
                source: "input".to_owned(),
            },
            None => self.detect(doc.text()),
        };
        doc.set_lang(lang);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(text: &str) -> Language {
        LangStage::new(LangConfig::default()).detect(text)
    }

    #[test]
    fn detects_common_news_languages() {
        assert_eq!(
            detect("Le ministre a déclaré que les négociations se poursuivraient demain.").code,
            "fr"
        );
        assert_eq!(
            detect("El ministro dijo que las negociaciones continuarían mañana por la tarde.").code,
            "es"
        );
        assert_eq!(
            detect("Министр заявил, что переговоры продолжатся завтра.").code,
            "ru"
        );
        assert_eq!(
            detect("وقال الوزير إن المفاوضات ستستمر غدا").script,
            "Arabic"
        );
    }

    #[test]
    fn detects_languages_whatlang_lacked() {
        let cases = [
            (
                "sw",
                "Rais amesema kwamba mazungumzo yataendelea kesho asubuhi mjini.",
            ),
            (
                "eu",
                "Ministroak esan du bihar goizean negoziazioek jarraituko dutela.",
            ),
            (
                "is",
                "Ráðherrann sagði að viðræðurnar myndu halda áfram á morgun.",
            ),
            (
                "ga",
                "Dúirt an t-aire go leanfadh na cainteanna ar aghaidh amárach.",
            ),
            ("kk", "Министр келіссөздер ертең жалғасатынын айтты."),
            ("mn", "Сайд хэлэлцээ маргааш үргэлжилнэ гэж мэдэгдлээ."),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text).code, code, "{text}");
        }
    }

    #[test]
    fn tells_close_languages_apart() {
        let cases = [
            (
                "es",
                "El gobierno anunció ayer que las elecciones se celebrarán en junio.",
            ),
            (
                "pt",
                "O governo anunciou ontem que as eleições serão realizadas em junho.",
            ),
            (
                "cs",
                "Vláda včera oznámila, že volby se uskuteční v červnu.",
            ),
            ("sk", "Vláda včera oznámila, že voľby sa uskutočnia v júni."),
            (
                "da",
                "Regeringen meddelte i går, at valget bliver holdt i juni.",
            ),
            (
                "sv",
                "Regeringen meddelade i går att valet kommer att hållas i juni.",
            ),
        ];
        for (code, text) in cases {
            assert_eq!(detect(text).code, code, "{text}");
        }
    }

    #[test]
    fn scripts_with_one_language_are_decided_by_script() {
        let el = detect("Ο υπουργός είπε ότι οι συνομιλίες θα συνεχιστούν αύριο.");
        assert_eq!((el.code.as_str(), el.script.as_str()), ("el", "Greek"));
        assert_eq!(detect("政府昨天宣布选举将于六月举行。").code, "zh");
        assert_eq!(
            detect("政府は昨日、選挙を六月に行うと発表した。").code,
            "ja"
        );
        assert_eq!(
            detect("정부는 어제 선거가 6월에 열린다고 발표했다.").code,
            "ko"
        );
    }

    #[test]
    fn long_english_article_is_confident_and_reliable() {
        let text = "The finance minister told reporters on Tuesday that the budget would be \
                    presented to parliament next month, after weeks of talks with the unions. "
            .repeat(40);
        let lang = detect(&text);
        assert_eq!((lang.code.as_str(), lang.script.as_str()), ("en", "Latin"));
        assert!(lang.reliable && lang.confidence > 0.99, "{lang:?}");
    }

    #[test]
    fn embedded_model_is_well_formed() {
        let m = model::model().expect("the embedded model parses");
        assert!(m.codes().len() >= 60);
        let en = m
            .codes()
            .iter()
            .position(|c| c == "en")
            .expect("English is modelled") as u8;
        // the builder and the reader hash n-grams alike: "the" is an English trigram
        match m.lookup(&['t', 'h', 'e']) {
            Hit::Sparse(list) => assert!(list.chunks_exact(2).any(|e| e[0] == en)),
            Hit::Dense(row) => assert!(row[usize::from(en)] < m.floor),
            Hit::Absent => panic!("\"the\" is missing"),
        }
        assert!(matches!(m.lookup(&['ж', 'q', 'ж']), Hit::Absent));
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in ["İİİ", "ǅ", "\u{0}\u{feff}", "a", "ﬀ ﬁ", "😀😀", "𝔘𝔫𝔦"] {
            let _ = detect(t);
        }
    }

    #[test]
    fn latin_names_in_cyrillic_text_do_not_change_the_language() {
        let t = "Министр финансов заявил, что Goldman Sachs и Deutsche Bank поддержали план.";
        let lang = detect(t);
        assert_eq!(
            (lang.code.as_str(), lang.script.as_str()),
            ("ru", "Cyrillic")
        );
    }

    #[test]
    fn only_the_first_max_bytes_are_read() {
        let text = "The minister said the talks would continue tomorrow morning. \
                    Der Minister sagte, die Gespräche würden morgen fortgesetzt, und die \
                    Regierung werde danach über die Ergebnisse der Verhandlungen berichten.";
        let short = LangStage::new(LangConfig {
            max_bytes: 60,
            ..LangConfig::default()
        })
        .detect(text);
        assert_eq!(short.code, "en");
        assert_eq!(detect(text).code, "de");
    }

    #[test]
    fn decomposed_accents_do_not_split_words() {
        let composed = "Le ministre a déclaré que les négociations se poursuivraient à Genève.";
        let decomposed = "Le ministre a de\u{301}clare\u{301} que les ne\u{301}gociations se \
                          poursuivraient a\u{300} Gene\u{300}ve.";
        assert_eq!(detect(composed).code, "fr");
        assert_eq!(detect(decomposed).code, "fr");
    }

    proptest::proptest! {
        #[test]
        fn any_text_gets_a_sane_answer(text in "\\PC{0,200}", max_bytes in 0usize..300) {
            let stage = LangStage::new(LangConfig { max_bytes, ..LangConfig::default() });
            let lang = stage.detect(&text);
            proptest::prop_assert!((0.0..=1.0).contains(&lang.confidence));
            proptest::prop_assert!(!lang.code.is_empty() && !lang.name.is_empty());
            let has_letters = script::Counts::of(prefix(&text, max_bytes)).total() > 0;
            proptest::prop_assert_eq!(lang.code == "und", !has_letters);
            proptest::prop_assert_eq!(stage.detect(&text), lang);
        }
    }

    #[test]
    fn the_backend_is_chosen_in_the_config() {
        let parse = |src: &str| toml::from_str::<LangConfig>(src);
        assert_eq!(parse("").expect("default").backend, Backend::Ngram);
        assert_eq!(
            parse("backend = \"ngram\"").expect("ngram").backend,
            Backend::Ngram
        );
        let whatlang = parse("backend = \"whatlang\"\nmax_bytes = 100").expect("whatlang");
        assert_eq!(
            (whatlang.backend, whatlang.max_bytes),
            (Backend::Whatlang, 100)
        );
        let err = parse("backend = \"lingua\"").expect_err("unknown backend");
        assert!(
            err.to_string().contains("ngram") && err.to_string().contains("whatlang"),
            "{err}"
        );
    }

    #[test]
    fn the_whatlang_backend_never_predicts_a_language_it_lacks() {
        let stage = LangStage::new(LangConfig {
            backend: Backend::Whatlang,
            ..LangConfig::default()
        });
        // Swahili: our model knows it, whatlang does not
        let text = "Waziri wa fedha aliwaambia waandishi wa habari kwamba bajeti itawasilishwa bungeni mwezi ujao.";
        assert_eq!(detect(text).code, "sw");
        let theirs = stage.detect(text);
        assert_ne!(theirs.code, "sw");
        assert!(whatlang_languages().contains(&theirs.code.as_str()) || theirs.code == "und");
        // and both agree on plain English, through `apply`
        let mut doc = Document::new(
            "a",
            "The defence secretary said the talks went well and would continue.",
        );
        stage.apply(&mut doc).expect("never fails");
        assert_eq!(doc.lang().expect("lang layer").code, "en");
    }

    proptest::proptest! {
        #[test]
        fn whatlang_backend_gives_a_sane_answer_for_any_text(text in "\\PC{0,200}") {
            let stage = LangStage::new(LangConfig { backend: Backend::Whatlang, ..LangConfig::default() });
            let lang = stage.detect(&text);
            proptest::prop_assert!((0.0..=1.0).contains(&lang.confidence));
            proptest::prop_assert!(!lang.code.is_empty() && !lang.name.is_empty());
            proptest::prop_assert!(lang.code == "und" || whatlang_languages().contains(&lang.code.as_str()));
        }
    }

    #[test]
    fn input_hint_wins() {
        let mut doc = Document::new("a", "The minister said the talks would continue.");
        doc.set_lang_hint("fr");
        LangStage::new(LangConfig::default())
            .apply(&mut doc)
            .unwrap();
        let lang = doc.lang().unwrap();
        assert_eq!((lang.code.as_str(), lang.source.as_str()), ("fr", "input"));
        assert_eq!(lang.name, "French");
    }

    #[test]
    fn empty_and_symbol_text_is_undetermined_not_an_error() {
        assert_eq!(detect("").code, "und");
        assert_eq!(detect("12 345 ... !!!").code, "und");
    }
}
