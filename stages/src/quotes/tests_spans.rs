//! Unit tests of the quotes stage (spans), on sentences written for nlpipe.

use super::tests::{run, show};

#[test]
fn an_indirect_clause_is_the_words_after_its_cue() {
    let text = "The minister said the talks had failed.";
    let qs = run(text);
    let shown = show(text, &qs);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "the talks had failed.");
}
