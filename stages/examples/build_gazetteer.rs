//! Writes `stages/src/entities/data/gazetteer.bin`, the pre-built binary form of the entity
//! gazetteer that the binary embeds, from the tables beside it (`places.tsv`,
//! `countries.tsv`, `given_names.txt`, read through the crate as built):
//!
//! ```text
//! cargo run --release -p stages --example build_gazetteer                # writes the file
//! cargo test -p stages --lib entities::gazetteer::binary                # checks it
//! ```
//!
//! Run it after regenerating the tables (`tools/gazetteers/`), then build again: the
//! crate embeds the file, and a unit test fails while it is stale. Since the crate embeds
//! the old file while this runs, only the tables matter: the output never depends on it.

use std::path::PathBuf;
use std::process::ExitCode;

use stages::entities::gazetteer::Gazetteer;

fn main() -> ExitCode {
    let out = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/entities/data/gazetteer.bin"),
        PathBuf::from,
    );
    let bytes = Gazetteer::parse_builtin().to_bytes();
    match std::fs::write(&out, &bytes) {
        Ok(()) => {
            println!("{}: {} bytes", out.display(), bytes.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("build_gazetteer: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}
