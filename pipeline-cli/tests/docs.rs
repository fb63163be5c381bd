//! Every `nlpipe` command shown in `docs/cli.md` runs and succeeds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

#[test]
fn cli_doc_examples_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let doc = std::fs::read_to_string(root.join("docs/cli.md")).unwrap();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_nlpipe"))
        .parent()
        .unwrap()
        .to_owned();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let scratch = std::env::temp_dir().join(format!("nlpipe-docs-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let mut in_sh = false;
    let mut ran = 0;
    for line in doc.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        let is_command = line.starts_with("nlpipe ") || line.contains("| nlpipe ");
        if !in_sh || !is_command {
            continue;
        }
        // redirections write into a scratch directory, not the repository
        let command = line
            .replace(
                "> articles.jsonl",
                &format!("> {}/articles.jsonl", scratch.display()),
            )
            .replace(
                "-o report.html",
                &format!("-o {}/report.html", scratch.display()),
            );
        let out = Command::new("sh")
            .arg("-c")
            .arg(&command)
            .current_dir(&root)
            .env("PATH", &path)
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "`{line}` exited {code:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 10, "only {ran} commands found in docs/cli.md");
}
