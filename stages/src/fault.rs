//! `fault`: a stage that fails on purpose, for testing how a pipeline copes.
//!
//! Not part of [`registry`](crate::registry): register it with [`register`] (the CLI does
//! so when the environment variable `NLPIPE_FAULT_STAGE=1` is set). A document whose text
//! contains `panic_on` makes the stage panic; one containing `fail_on` makes it return an
//! error. Empty patterns never match. A document containing `hold_on` makes the stage
//! create the file `hold_file` + `.held`, then wait until `hold_file` exists: a test holds a
//! document in the chain while it does something to the process (a signal, say).
//!
//! ```toml
//! [[stage]]
//! type = "fault"
//! panic_on = "BOOM"
//! ```
//!
//! ```
//! use pipeline_core::{Document, SyncStage};
//! use stages::fault::{FaultConfig, FaultStage};
//! let stage = FaultStage::new(FaultConfig { fail_on: "bad".into(), ..Default::default() });
//! assert!(stage.apply(&mut Document::new("a", "good text")).is_ok());
//! assert_eq!(stage.apply(&mut Document::new("b", "bad text")).unwrap_err().kind(), "injected");
//! ```

use pipeline_core::{Document, Registry, StageError, SyncStage};
use serde::Deserialize;

/// Options of the `fault` stage.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FaultConfig {
    /// Panic on documents containing this text.
    pub panic_on: String,
    /// Return an error on documents containing this text.
    pub fail_on: String,
    /// Hold documents containing this text until `hold_file` exists.
    pub hold_on: String,
    /// The file whose creation releases a held document; `<hold_file>.held` is created
    /// when a document is held.
    pub hold_file: std::path::PathBuf,
}

/// The `fault` stage.
#[derive(Debug, Clone)]
pub struct FaultStage {
    config: FaultConfig,
}

impl FaultStage {
    /// Builds the stage.
    pub fn new(config: FaultConfig) -> FaultStage {
        FaultStage { config }
    }
}

impl FaultStage {
    /// Announces a held document by creating `<hold_file>.held` and waits for `hold_file`.
    fn hold(&self, id: &str) -> Result<(), StageError> {
        let release = &self.config.hold_file;
        let mut held = release.as_os_str().to_owned();
        held.push(".held");
        std::fs::write(&held, id).map_err(|e| StageError::Other {
            kind: "injected",
            message: format!("fault stage: cannot create {}: {e}", held.to_string_lossy()),
        })?;
        while !release.exists() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        Ok(())
    }
}

impl SyncStage for FaultStage {
    fn name(&self) -> &str {
        "fault"
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let hit = |p: &str| !p.is_empty() && doc.text().contains(p);
        if hit(&self.config.panic_on) {
            panic!("fault stage: injected panic on document {}", doc.id());
        }
        if hit(&self.config.hold_on) {
            self.hold(doc.id())?;
        }
        if hit(&self.config.fail_on) {
            return Err(StageError::Other {
                kind: "injected",
                message: format!("fault stage: injected failure on document {}", doc.id()),
            });
        }
        Ok(())
    }
}

/// Adds the `fault` stage to a registry.
pub fn register(registry: &mut Registry) {
    registry.register_sync(
        "fault",
        "testing aid: panics, fails or holds on documents containing a pattern",
        |c: FaultConfig| Ok(FaultStage::new(c)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_document_waits_for_the_release_file() {
        let dir = std::env::temp_dir().join(format!("nlpipe-fault-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let release = dir.join("release");
        let held = dir.join("release.held");
        let stage = FaultStage::new(FaultConfig {
            hold_on: "HOLD".into(),
            hold_file: release.clone(),
            ..Default::default()
        });
        assert!(stage
            .apply(&mut Document::new("free", "no pattern"))
            .is_ok());
        assert!(!held.exists(), "only a matching document is held");
        let worker = std::thread::spawn(move || stage.apply(&mut Document::new("h", "HOLD me")));
        while !held.exists() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert!(!worker.is_finished(), "held until the release file exists");
        std::fs::write(&release, "").expect("release");
        assert!(worker.join().expect("no panic").is_ok());
        std::fs::remove_dir_all(&dir).ok();
    }
}
