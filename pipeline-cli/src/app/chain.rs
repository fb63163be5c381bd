//! The chain from the flags: `--config FILE` (which overrides `--stages`), else
//! `--stages a,b,c`, else every built-in stage; `--jobs` and `--channel-capacity` set the
//! runner, and an explicit `--jobs` wins over the file's `[runner] jobs`. Every stage is
//! built once.

use std::path::Path;

use pipeline_core::{Chain, Registry, RunnerOptions};

use super::Error;
use crate::args::ChainArgs;

/// The built-in stages, plus the `fault` testing stage when `NLPIPE_FAULT_STAGE=1`.
pub fn registry() -> Registry {
    stages::registry_from_env()
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
/// section and `jobs` (from `--jobs`) over it. The file is parsed and its stages built once.
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
    // the file is checked whole first (its own `jobs` too), then `--jobs` wins over it;
    // `--jobs 0` is reported as if `jobs = 0` were in the file
    let (chain, _) = registry
        .chain_from_toml_with(&src, base)
        .map_err(config_error)?;
    let Some(jobs) = jobs else {
        return Ok(chain);
    };
    chain
        .with_options(RunnerOptions {
            jobs,
            ..chain.options()
        })
        .map_err(|e| config_error(e.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pipeline_core::error::chain_line;

    /// Builds the chain of a config file holding `src`, with `--jobs` as `jobs`.
    fn from_file(name: &str, src: &str, jobs: Option<usize>) -> Result<Chain, Error> {
        let dir = std::env::temp_dir().join(format!("nlpipe-chain-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(name);
        std::fs::write(&path, src).expect("write config");
        let chain = from_config(&registry(), &path, RunnerOptions::default(), jobs);
        std::fs::remove_file(&path).ok();
        chain
    }

    #[test]
    fn jobs_flag_wins_over_the_file_and_zero_is_refused() {
        let src = "[runner]\njobs = 3\nchannel_capacity = 5\n\n[[stage]]\ntype = \"lang\"\n";
        let chain = |jobs| from_file("wins.toml", src, jobs);
        assert_eq!(chain(None).expect("builds").options().jobs, 3);
        let five = chain(Some(5)).expect("builds");
        assert_eq!(five.options().jobs, 5);
        // the rest of the file's `[runner]` section stays
        assert_eq!(five.options().channel_capacity, 5);
        let err = chain(Some(0)).expect_err("zero jobs");
        assert!(
            chain_line(&err).contains("runner option `jobs` must be at least 1"),
            "{err}"
        );
    }

    #[test]
    fn a_mistake_in_the_file_is_reported_even_with_the_jobs_flag() {
        for (src, message) in [
            (
                "[runner]\njobs = 0\n",
                "runner option `jobs` must be at least 1",
            ),
            ("[runner]\njobs = -1\n", "jobs"),
            ("[runner]\njobs = \"two\"\n", "jobs"),
            ("[runner]\njob = 2\n", "unknown field `job`"),
        ] {
            let src = format!("{src}\n[[stage]]\ntype = \"lang\"\n");
            for jobs in [None, Some(0), Some(2)] {
                let err = from_file("bad.toml", &src, jobs).expect_err("bad file");
                let msg = chain_line(&err);
                assert!(
                    msg.contains("bad.toml") && msg.contains(message),
                    "{src}: {msg}"
                );
            }
        }
        // an impossible stage order is the file's mistake, reported before `--jobs 0`
        let src = "[[stage]]\ntype = \"quotes\"\n\n[[stage]]\ntype = \"tokens\"\n";
        let err = from_file("order.toml", src, Some(0)).expect_err("bad order");
        assert!(
            chain_line(&err).contains("requires layer `tokens`"),
            "{err}"
        );
    }
}
