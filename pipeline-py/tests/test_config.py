"""Pipeline(config=...): the TOML config's structure as a dict, or the file itself."""

import pytest

import nlpipe

BELIEF = "The minister believes the talks will fail."


def test_a_config_dict_reaches_stage_options():
    chain = [{"type": "lang"}, {"type": "tokens"}, {"type": "quotes"}]
    default = nlpipe.Pipeline(config={"stage": chain})
    assert default.stages == ["lang", "tokens", "quotes"]
    assert default.annotate(BELIEF)["quotes"], "beliefs are quotes by default"
    no_beliefs = nlpipe.Pipeline(config={"stage": chain[:2] + [{"type": "quotes", "beliefs": False}]})
    assert no_beliefs.annotate(BELIEF)["quotes"] == []


def test_runner_section_and_jobs_argument():
    config = {"runner": {"jobs": 3}, "stage": [{"type": "lang"}]}
    assert nlpipe.Pipeline(config=config).jobs == 3
    assert nlpipe.Pipeline(config=config, jobs=1).jobs == 1


def test_sentiment_model_choice():
    config = {"stage": [{"type": "lang"}, {"type": "tokens"}, {"type": "quotes"},
                        {"type": "sentiment", "model": "fast"}]}
    doc = nlpipe.Pipeline(config=config).annotate(
        "Pakistan praised Turkey's generous help.", layers=["actors"])
    assert {a["entity"] for a in doc["actors"]} >= {"Pakistan", "Turkey"}
    if "transformer" not in nlpipe.FEATURES:
        config["stage"][3]["model"] = "transformer"
        with pytest.raises(nlpipe.ConfigError, match="cargo feature `transformer`"):
            nlpipe.Pipeline(config=config)


def test_config_file_is_the_cli_config(tmp_path):
    path = tmp_path / "chain.toml"
    path.write_text('[[stage]]\ntype = "lang"\n\n[[stage]]\ntype = "tokens"\n')
    assert nlpipe.Pipeline(config=str(path)).stages == ["lang", "tokens"]
    assert nlpipe.Pipeline(config=path).stages == ["lang", "tokens"]


@pytest.mark.parametrize(
    "config, message",
    [
        ({"stage": [{"type": "lemmas"}]}, "unknown type `lemmas`"),
        ({"stage": [{"type": "tokens"}, {"type": "quotes", "colour": 1}]}, "unknown field `colour`"),
        ({"stage": [{"type": "quotes"}]}, "requires layer `tokens`"),
        ({"stage": [{"type": "lang", "x": None}]}, "leave the key out"),
        ({"stage": []}, "no stage"),
        ({"runer": {}, "stage": [{"type": "lang"}]}, "unknown field `runer`"),
        ({"runner": {"jobs": 0}, "stage": [{"type": "lang"}]}, "at least 1"),
    ],
)
def test_config_mistakes_are_config_errors(config, message):
    with pytest.raises(nlpipe.ConfigError, match=message):
        nlpipe.Pipeline(config=config)


def test_other_mistakes(tmp_path):
    with pytest.raises(nlpipe.ConfigError, match="unknown type `nope`"):
        nlpipe.Pipeline(["lang", "nope"])
    with pytest.raises(ValueError, match="not both"):
        nlpipe.Pipeline(["lang"], config={"stage": [{"type": "lang"}]})
    with pytest.raises(nlpipe.ConfigError, match="missing.toml"):
        nlpipe.Pipeline(config=str(tmp_path / "missing.toml"))
    with pytest.raises(nlpipe.ConfigError, match="at least 1"):
        nlpipe.Pipeline(["lang"], jobs=0)
    bad = tmp_path / "bad.toml"
    bad.write_text("[[stage]\n")
    with pytest.raises(nlpipe.ConfigError, match="bad.toml"):
        nlpipe.Pipeline(config=bad)


def test_layer_selection_mistakes(small):
    with pytest.raises(ValueError, match="unknown layer `nope`"):
        small.annotate("Hi.", layers=["nope"])
    with pytest.raises(ValueError, match="select `tokens` too"):
        small.annotate("Hi.", layers=["stems"])
    with pytest.raises(ValueError, match="no layer given"):
        small.annotate("Hi.", layers=[])
