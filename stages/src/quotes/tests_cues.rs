//! Unit tests of the quotes stage (cues), on sentences written for nlpipe.

use super::tests::{run, show};
use super::*;

#[test]
fn a_speech_verb_after_a_clause_is_its_cue() {
    let text = "The budget will pass next week, the spokeswoman said.";
    let qs = run(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].kind, QuoteKind::Indirect);
    let cue = qs[0].cue.as_ref().expect("a cue");
    assert_eq!(cue.slice(text), "said");
    assert_eq!(show(text, &qs)[0].2, "the spokeswoman");
}
