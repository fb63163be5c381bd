//! Prints the entity tagger's output alone as an `actors` layer (one actor per entity),
//! for scoring the tagger with `score.py entities`: reads `{"id","text"}` lines on stdin.

use std::io::{BufRead, Write};

use stages::entities::{EntityType, Recognizer};

fn main() {
    let lang = std::env::args().nth(1);
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or_default();
        let tokens = stages::tokens::tokenize(text);
        let ents = Recognizer::builtin().recognize_text(text, &tokens, lang.as_deref());
        let chars = |b: usize| text[..b].chars().count();
        let actors: Vec<serde_json::Value> = ents
            .iter()
            .map(|e| {
                let t = match e.kind {
                    EntityType::Person => "person",
                    EntityType::Organisation => "organisation",
                    EntityType::Place => "place",
                };
                serde_json::json!({"type": t, "entity": e.span.slice(text),
                    "mentions": [{"start": chars(e.span.start), "end": chars(e.span.end)}]})
            })
            .collect();
        let rec = serde_json::json!({"id": v["id"], "actors": actors});
        let _ = writeln!(out, "{rec}");
    }
}
