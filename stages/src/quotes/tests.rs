use super::*;
use crate::tokens::TokenStage;

fn run(text: &str) -> Vec<Quote> {
    run_lang(text, "en")
}

fn run_lang(text: &str, lang: &str) -> Vec<Quote> {
    let mut doc = Document::new("t", text);
    doc.set_lang_hint(lang);
    TokenStage::default().apply(&mut doc).unwrap();
    QuoteStage::default().apply(&mut doc).unwrap();
    doc.quotes().unwrap().to_vec()
}

/// (kind, content, speaker mention, entity) of every quote.
fn show(text: &str, qs: &[Quote]) -> Vec<(QuoteKind, String, String, String)> {
    qs.iter()
        .map(|q| {
            let (m, e) = q
                .speaker
                .as_ref()
                .map_or((String::new(), String::new()), |s| {
                    (s.span.slice(text).to_owned(), s.entity.clone())
                });
            (q.kind, q.span.slice(text).to_owned(), m, e)
        })
        .collect()
}

#[test]
fn direct_speaker_after() {
    let t = "“We will not give up,” Ambassador Jane Doe said.";
    let q = show(t, &run(t));
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "We will not give up,");
    assert_eq!(q[0].3, "Jane Doe");
}

#[test]
fn dbg_possessive() {
    let t = "\"Dr. Carson invited both Bob\" the Post's Steven Ginsberg responded.";
    let mut doc = Document::new("t", t);
    TokenStage::default().apply(&mut doc).unwrap();
    let st = QuoteStage::default();
    let lex = st.lex.get(Some("en"));
    let cfg = QuoteConfig::default();
    let mut a = Analyzer::new(
        t,
        doc.tokens().unwrap(),
        doc.sentences().unwrap(),
        lex,
        &st.lex,
        &cfg,
    );
    a.pair_marks();
    eprintln!("quotes {:?}", a.quotes);
    for (i, tk) in a.t.iter().enumerate() {
        eprintln!("{i} {:?} {:?}", a.word(i), tk);
    }
    eprintln!("{:?}", a.subject_then_cue(7, 13));
    eprintln!("{:?}", a.np_after(7, 13));
}
