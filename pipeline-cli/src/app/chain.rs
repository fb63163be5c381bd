//! The chain from the flags: `--config FILE` (which overrides `--stages`), else
//! `--stages a,b,c`, else every built-in stage; `--jobs` and `--channel-capacity` set the
//! runner, and an explicit `--jobs` wins over the file's `[runner] jobs`. Every stage is
//! built once.

use std::borrow::Cow;
use std::path::Path;

use pipeline_core::{Chain, ChainError, Registry, RunnerOptions};

use super::Error;
use crate::args::ChainArgs;

/// The built-in stages, plus the `fault` testing stage when `NLPIPE_FAULT_STAGE=1`.
pub fn registry() -> Registry {
    let mut registry = stages::registry();
    if std::env::var_os("NLPIPE_FAULT_STAGE").is_some_and(|v| v == "1") {
        stages::fault::register(&mut registry);
    }
    registry
}

/// Prints the available stages, one line each with its summary (`nlpipe stages`).
pub fn list_stages() {
    let registry = registry();
    let width = registry.list().map(|(n, _)| n.len()).max().unwrap_or(0);
    for (name, summary) in registry.list() {
        println!("{name:width$}  {summary}");
    }
}

/// Builds the chain the flags ask for.
pub fn build(args: &ChainArgs) -> Result<Chain, Error> {
    let registry = registry();
    let mut base = RunnerOptions::default();
    if let Some(cap) = args.channel_capacity {
        base.channel_capacity = cap;
    }
    if let Some(path) = &args.config {
        return from_config(&registry, path, base, args.jobs);
    }
    if let Some(jobs) = args.jobs {
        base.jobs = jobs;
    }
    let names: Vec<String> = match &args.stages {
        Some(names) => names.clone(),
        None => stages::DEFAULT_CHAIN
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    registry
        .chain_from_names(&names, base)
        .map_err(Error::Stages)
}

/// Builds the chain of the config file at `path`, with `base` under its `[runner]`
/// section and `jobs` (from `--jobs`) over it.
fn from_config(
    registry: &Registry,
    path: &Path,
    base: RunnerOptions,
    jobs: Option<usize>,
) -> Result<Chain, Error> {
    let src = std::fs::read_to_string(path).map_err(|source| Error::ConfigRead {
        path: path.to_owned(),
        source,
    })?;
    let config_error = |source| Error::Config {
        path: path.to_owned(),
        source,
    };
    // the file's `[runner] jobs` would win over `base`: a valid one is lifted out of the
    // file so that `--jobs` applies; an invalid one stays and is reported as the file's
    let wanted = jobs.filter(|&j| j > 0);
    let (src, base) = match wanted {
        Some(jobs) => (
            without_runner_jobs(&src).map_or(Cow::Borrowed(src.as_str()), Cow::Owned),
            RunnerOptions { jobs, ..base },
        ),
        None => (Cow::Borrowed(src.as_str()), base),
    };
    let (chain, _) = registry
        .chain_from_toml_with(&src, base)
        .map_err(config_error)?;
    if jobs == Some(0) {
        // as if `jobs = 0` were in the file, once the file itself is known to be good
        return Err(config_error(ChainError::Zero("jobs").into()));
    }
    Ok(chain)
}

/// `src` without its `[runner] jobs` key, when the file parses and that key is a positive
/// integer; `None` otherwise (nothing to lift, or a mistake the registry reports).
fn without_runner_jobs(src: &str) -> Option<String> {
    let mut table: toml::Table = toml::from_str(src).ok()?;
    let runner = table.get_mut("runner")?.as_table_mut()?;
    match runner.get("jobs") {
        Some(toml::Value::Integer(n)) if *n > 0 => {}
        _ => return None,
    }
    runner.remove("jobs");
    toml::to_string(&table).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_runner_jobs_is_lifted_out_and_nothing_else() {
        let src = "[runner]\njobs = 3\nchannel_capacity = 5\n\n[[stage]]\ntype = \"lang\"\n";
        let lifted = without_runner_jobs(src).expect("jobs is lifted");
        let table: toml::Table = toml::from_str(&lifted).expect("still TOML");
        assert_eq!(table["runner"].get("jobs"), None);
        assert_eq!(table["runner"]["channel_capacity"], toml::Value::Integer(5));
        assert_eq!(table["stage"][0]["type"].as_str(), Some("lang"));
    }

    #[test]
    fn an_invalid_or_missing_runner_jobs_stays_for_the_registry_to_report() {
        for src in [
            "[runner]\njobs = 0\n",
            "[runner]\njobs = -1\n",
            "[runner]\njobs = \"two\"\n",
            "runner = 3\n",
            "[runner]\nchannel_capacity = 2\n",
            "[[stage]]\ntype = \"lang\"\n",
            "[runner\njobs = 2\n",
        ] {
            assert_eq!(without_runner_jobs(src), None, "{src}");
        }
    }

    #[test]
    fn jobs_flag_wins_over_the_file_and_zero_is_refused() {
        let dir = std::env::temp_dir().join(format!("nlpipe-chain-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("c.toml");
        std::fs::write(&path, "[runner]\njobs = 3\n\n[[stage]]\ntype = \"lang\"\n")
            .expect("write config");
        let registry = registry();
        let base = RunnerOptions::default();
        let chain = |jobs| from_config(&registry, &path, base, jobs);
        assert_eq!(chain(None).expect("builds").options().jobs, 3);
        assert_eq!(chain(Some(5)).expect("builds").options().jobs, 5);
        let err = chain(Some(0)).expect_err("zero jobs");
        assert!(
            crate::app::error_chain(&err).contains("runner option `jobs` must be at least 1"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
