//! `fault`: a stage that fails on purpose, for testing how a pipeline copes.
//!
//! Not part of [`registry`](crate::registry): register it with [`register`] (the CLI does
//! so when the environment variable `NLPIPE_FAULT_STAGE=1` is set). A document whose text
//! contains `panic_on` makes the stage panic; one containing `fail_on` makes it return an
//! error. Empty patterns never match.
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

impl SyncStage for FaultStage {
    fn name(&self) -> &str {
        "fault"
    }

    fn apply(&self, doc: &mut Document) -> Result<(), StageError> {
        let hit = |p: &str| !p.is_empty() && doc.text().contains(p);
        if hit(&self.config.panic_on) {
            panic!("fault stage: injected panic on document {}", doc.id());
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
        "testing aid: panics or fails on documents containing a pattern",
        |c: FaultConfig| Ok(FaultStage::new(c)),
    );
}
