"""The risk model beside the rules (bot/risk_model.py): what a person or staff would notice.

It was trained offline by bench/train_risk_model.py (scikit-learn); these tests run without
scikit-learn, on the stored weights.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings
from bot.console import chat
from bot.risk_model import ANY, MODEL_PATH, RiskModel, load_model, pack
from bot.risk_rules import builtin
from bot.safety import MODEL, RiskScreen, load_builtin, merge, normalise
from bot.service import Conversations

DATA = Path(__file__).parent / "data"
with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as stored:
    STORED = json.load(stored)


def test_the_bot_scores_exactly_as_the_trained_model_did() -> None:
    """Pure-Python scoring (letter n-grams within words, tf-idf, the meaning features,
    weights) gives scikit-learn's own scores, stored at training time, for every stored
    check."""
    model = RiskModel(STORED)
    assert len(STORED["checks"]) >= 40
    for reading, expected, *meant in STORED["checks"]:
        meant = meant[0] if meant else []
        assert model.scores(reading, meant)[ANY] == pytest.approx(expected, abs=1e-3), reading


def _everyday() -> list[tuple[str, str]]:
    """Everyday comments the model was never fitted on: the language-detection corpus
    and the held-out theme comments, in all 13 languages and more."""
    found = []
    for folder in (DATA / "detect", DATA / "themes" / "heldout"):
        for file in sorted(folder.glob("*.*")):
            for raw in file.read_text(encoding="utf-8").splitlines():
                text = raw.split("\t")[0].strip()
                if text and not text.startswith("#"):
                    found.append((file.stem, text))
    return found


def test_everyday_feedback_is_almost_never_signposted(screen: RiskScreen) -> None:
    """A helpline message on "the bus only comes twice a day" would puzzle people and
    wear out the warning.  The first model, fitted with no everyday comments, signposted
    a third of them. At most 3 % may fire: until wave 18 the thresholds were chosen at 1 %
    (gate 1.5 %), and that limit, not precision, held recall down; from wave 19 they were
    chosen at 1.8 % (gate 2 %), since wave 23 at 3 %, the lead's decision: on blind batch 15
    recall was 0.88 at precision 0.89, and the issue asks 0.95 at 0.8
    (``bench/train_risk_model.py``: ``MAX_ORDINARY_ALARMS``). Since wave 26 a gentle tier
    may signpost up to 5 % in all (``GENTLE_LIMITS``); 3 % is the confident pair's."""
    everyday = _everyday()
    assert len(everyday) > 500
    fired = [(lang, text) for lang, text in everyday if screen.hits(text)]
    sure = [(lang, text) for lang, text in fired if not all(h.tentative for h in screen.hits(text))]
    assert len(sure) / len(everyday) <= 0.03, sure
    assert len(fired) / len(everyday) <= 0.05, fired


def test_the_gentle_pair_is_chosen_under_looser_limits_never_over_the_confident() -> None:
    """Wave 26, the lead's decision: a second, gentle pair of thresholds lets the model
    signpost what it is less sure of (the weak languages' disclosures scored 0.3-0.56, just
    under the confident pair), opening "Thank you for telling us..." rather than presuming.
    Everyday comments may reach it up to 5 % of the time (``GENTLE_LIMITS``), and the gentle
    pair is never over the confident one."""
    model = RiskModel(STORED)
    assert model.gentle_threshold <= model.threshold
    assert model.gentle_evidence_threshold <= model.evidence_threshold
    assert STORED["policy"]["gentle"]["max_everyday_alarms"] <= 0.05
    assert STORED["policy"]["gentle"]["min_precision"] >= 0.8


def test_a_score_between_the_two_pairs_is_signposted_gently_and_above_them_surely() -> None:
    """The same farewell, scored between the gentle and the confident threshold, still gets
    the helplines (a hit), marked tentative so the reply opens gently; over the confident
    threshold it is sure; under the gentle one, quiet."""
    text = "honestly i dont think ill still be here by the spring, the counsellor was nice tho"
    rules_only = RiskScreen(merge(load_builtin(), {}), builtin(normalise))
    assert rules_only.hits(text) == []
    meant = rules_only.meanings(rules_only.reading(text))
    score = RiskModel(STORED).scores(" ".join(rules_only.sentences(text)), meant)[ANY]
    for high, gentle, tentative in (
        (score + 0.05, score - 0.05, True),
        (score - 0.01, score - 0.05, False),
    ):
        pair = {"threshold": high, "evidence_threshold": high}
        pair |= {"gentle_threshold": gentle, "gentle_evidence_threshold": gentle}
        model = RiskModel({**STORED, **pair})
        hits = RiskScreen(merge(load_builtin(), {}), builtin(normalise), model).hits(text)
        assert hits and {h.lang for h in hits} == {MODEL}
        assert all(h.tentative is tentative for h in hits), hits
    quiet = RiskModel({**STORED, **_one_tier(score + 0.05, score + 0.05)})
    assert RiskScreen(merge(load_builtin(), {}), builtin(normalise), quiet).hits(text) == []


def test_a_model_file_from_before_the_gentle_pair_has_one_tier(tmp_path: Path) -> None:
    """An operator who deploys this code with an older model file (no gentle pair) gets the
    confident pair for everything: nothing is tentative, nothing more is signposted."""
    older = {k: v for k, v in STORED.items() if not k.startswith("gentle")}
    path = tmp_path / "risk_model.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(older, f)
    model = load_model(path)
    assert model is not None
    assert model.gentle_threshold == model.threshold
    assert model.gentle_evidence_threshold == model.evidence_threshold


def test_what_no_rule_foresaw_is_signposted_and_staff_see_the_words(screen: RiskScreen) -> None:
    """A farewell in words no phrase or rule lists still gets the helplines; the hit
    names the model and the words that weighed most, so staff can see why."""
    text = "honestly i dont think ill still be here by the spring, the counsellor was nice tho"
    rules_only = RiskScreen(merge(load_builtin(), {}), builtin(normalise))
    assert rules_only.hits(text) == []
    hits = screen.hits(text)
    assert [h.lang for h in hits] == [MODEL]
    assert hits[0].category == "suicide" and hits[0].phrase.startswith("model 0.")
    assert "spring" in hits[0].phrase or "here" in hits[0].phrase or "think" in hits[0].phrase


def test_risk_check_shows_a_model_hit_with_its_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = Path(__file__).parent.parent
    text = "honestly i dont think ill still be here by the spring"
    assert main(["--config", str(root / "config.yaml"), "risk-check", text]) == 0
    out = capsys.readouterr().out
    assert "fires: model/" in out and "model 0." in out


async def test_a_person_typing_it_in_the_terminal_gets_the_helplines_at_once(
    conversations: Conversations, settings: Settings
) -> None:
    typed = ["1", "s", "i dont think ill still be here by the spring tbh"]
    lines = iter(typed)
    screens: list[str] = []

    async def read(prompt: str) -> str | None:
        return next(lines, None)

    await chat(conversations, lang="en", read=read, write=screens.append)
    assert screens[3].startswith("!!! ") and "116 123" in screens[3]


def test_without_a_stored_model_the_rules_work_alone(tmp_path: Path) -> None:
    assert load_model(tmp_path / "none.json.gz") is None


def _devtest() -> tuple[list, list]:
    from bench.train_risk_model import EVERYDAY, is_devtest, lines

    found = [ln for ln in lines(("risk_heldout7", EVERYDAY)) if is_devtest(ln)]
    batch = [ln for ln in found if ln.where.startswith("risk_heldout7/")]
    return batch, [ln for ln in found if not ln.where.startswith("risk_heldout7/")]


def test_disclosures_never_trained_on_are_signposted(screen: RiskScreen) -> None:
    """The dev-test half of held-out batch 7 (never fitted on, never used to choose the
    threshold): rules or model find at least 87 in 100 disclosures, and at least 9 in 10
    messages signposted are disclosures.  Before wave 16 (batch 7 not trained on, fewer
    vetoes) they found 0.866 at precision 0.877; now 0.874 at 0.919."""
    batch, _ = _devtest()
    assert len(batch) > 400
    fired = [bool(screen.hits(ln.text)) for ln in batch]
    found = sum(f for f, ln in zip(fired, batch, strict=True) if ln.labels)
    wrong = sum(f for f, ln in zip(fired, batch, strict=True) if not ln.labels)
    risk = sum(bool(ln.labels) for ln in batch)
    assert found / risk >= 0.87
    assert found / (found + wrong) >= 0.9


def test_everyday_hopes_tiredness_and_complaints_never_trained_on_stay_quiet(
    screen: RiskScreen,
) -> None:
    """The dev-test half of the everyday comments written to look like risk ("I hope I
    wake up on time", "dead on my feet", "this form is killing me", leaflets, risk long
    past): before wave 16 rules and model signposted 7.9 % of them (26 of 328; the rules
    alone 5.2 %), then 6.4 % (the rules alone 4.3 %). Since wave 26 a gentle tier signposts
    more (its limit on the training half of these comments is 7 %, ``GENTLE_LIMITS``): at
    most 9 % in all, 7 % by the confident pair."""
    _, everyday = _devtest()
    assert len(everyday) > 250
    fired = [ln.text for ln in everyday if screen.hits(ln.text)]
    sure = [text for text in fired if not all(h.tentative for h in screen.hits(text))]
    assert len(sure) / len(everyday) <= 0.07, sure
    assert len(fired) / len(everyday) <= 0.09, fired


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # cut short: a disk that filled during a deploy
        lambda raw: b"not a gzip file",
        lambda raw: gzip.compress(b'{"threshold": 0.5}'),  # an older or foreign file
    ],
)
def test_a_damaged_model_file_leaves_the_rules_screening_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage
) -> None:
    """An operator whose model file is damaged gets a warning in the log; screening goes
    on with the rules rather than failing every typed answer with an error."""
    broken = tmp_path / "risk_model.json.gz"
    broken.write_bytes(damage(MODEL_PATH.read_bytes()))
    with caplog.at_level("WARNING"):
        assert load_model(broken) is None
    assert "risk model risk_model.json.gz unreadable" in caplog.text
    rules = RiskScreen(merge(load_builtin(), {}), builtin(normalise), load_model(broken))
    assert rules.hits("I want to kill myself tonight")


def _batch8() -> tuple[list, list]:
    """Batch 8 (blind, seen since wave 16) in its two halves by a hash of each line."""
    from bench.train_risk_model import is_devtest, lines

    found = lines(("risk_heldout8",))
    return [ln for ln in found if is_devtest(ln)], [ln for ln in found if not is_devtest(ln)]


def test_batch_8_is_halved_by_a_hash_and_only_one_half_is_trained_on() -> None:
    """The second dev-test: about half of batch 8, chosen by a hash of the text (so no
    one picks which lines are easy), and the stored model names it as never trained on."""
    devtest, train = _batch8()
    assert 0.4 < len(devtest) / (len(devtest) + len(train)) < 0.6
    assert not {ln.text for ln in devtest} & {ln.text for ln in train}
    assert "risk_heldout8" in STORED["trained_on"]
    assert "risk_heldout8" in STORED["devtest"]


def test_disclosures_of_batch_8_never_trained_on_are_signposted(screen: RiskScreen) -> None:
    """The dev-test half of batch 8 (never fitted on, never used to choose the threshold):
    before wave 17, rules and a model that never saw batch 8 found 0.934 at precision
    0.887; the model trained on the other half and on training set 17 keeps recall and
    signposts fewer near-misses."""
    devtest, _ = _batch8()
    fired = [bool(screen.hits(ln.text)) for ln in devtest]
    found = sum(f for f, ln in zip(fired, devtest, strict=True) if ln.labels)
    wrong = sum(f for f, ln in zip(fired, devtest, strict=True) if not ln.labels)
    risk = sum(bool(ln.labels) for ln in devtest)
    assert found / risk >= 0.92
    assert found / (found + wrong) >= 0.9


def _screen_scoring(text: str, above: float, below: float) -> tuple[RiskScreen, float]:
    """A screen whose model's thresholds sit just around ``text``'s score: its plain
    threshold ``above`` the score, its threshold for texts with a risk word ``below``."""
    rules_only = RiskScreen(merge(load_builtin(), {}), builtin(normalise))
    meant = rules_only.meanings(rules_only.reading(text))
    score = RiskModel(STORED).scores(" ".join(rules_only.sentences(text)), meant)[ANY]
    model = RiskModel({**STORED, **_one_tier(score + above, score - below)})
    return RiskScreen(merge(load_builtin(), {}), builtin(normalise), model), score


def _one_tier(high: float, low: float) -> dict[str, float]:
    """Thresholds for a model with one tier: the gentle pair is the confident one."""
    return {
        "threshold": high,
        "evidence_threshold": low,
        "gentle_threshold": high,
        "gentle_evidence_threshold": low,
    }


def test_a_risk_word_lets_a_weaker_model_score_signpost() -> None:
    """A message like "the knife drawer is where my head goes" fires no rule; its score is
    under the threshold. A knife is a risk word of the rules' lexicons, so the lower
    threshold for texts with one applies, and staff see why."""
    text = "honestly the knife drawer is where my head goes most nights now"
    screen, _ = _screen_scoring(text, 0.01, 0.01)
    hits = screen.hits(text)
    assert [h.lang for h in hits] == [MODEL]
    assert " and a risk word: " in hits[0].phrase


def test_plain_feedback_at_the_same_score_stays_quiet() -> None:
    """A complaint about soap in Portuguese has no risk word: the same score, between the
    two thresholds, does not signpost it."""
    text = "Não havia sabão na casa de banho."
    screen, _ = _screen_scoring(text, 0.01, 0.01)
    assert screen.hits(text) == []


def test_the_stored_model_is_lower_only_for_texts_with_a_risk_word() -> None:
    model = RiskModel(STORED)
    assert model.evidence_threshold < model.threshold


def test_a_model_file_from_before_the_risk_word_threshold_still_screens(tmp_path: Path) -> None:
    """An operator who deploys the code before the retrained model (a file with one
    threshold, no ``evidence_threshold``) gets the one threshold for every text, not an
    error on every typed answer."""
    older = {key: value for key, value in STORED.items() if key != "evidence_threshold"}
    path = tmp_path / "risk_model.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(older, f)
    model = load_model(path)
    assert model is not None and model.evidence_threshold == model.threshold
    screen = RiskScreen(merge(load_builtin(), {}), builtin(normalise), model)
    assert screen.hits("I want to kill myself tonight")
    assert screen.hits("the bus only comes twice a day") == []


def test_check_tells_a_model_trained_on_other_rules_or_corpora(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``train_risk_model.py --check`` (seconds, no scikit-learn) says whether the stored
    model was trained on the rules and corpora the repo holds: the lead runs it before a
    release. A model fitted before a lexicon change reads meanings the rules no longer give
    it, and its thresholds were chosen for another reading."""
    from bench.train_risk_model import corpora_hashes, fingerprint
    from bench.train_risk_model import main as train

    path = tmp_path / "risk_model.json.gz"

    def check(rules: dict[str, str]) -> int:
        with gzip.open(path, "wt", encoding="utf-8") as f:
            json.dump({**STORED, "rules": rules, "trained_on": corpora_hashes()}, f)
        return train(["--check", "--out", str(path)])

    assert check(fingerprint()) == 0
    assert check({**fingerprint(), "bot/risk_lexicon.yaml": "0" * 16}) == 1
    assert "bot/risk_lexicon.yaml changed" in capsys.readouterr().out


def test_the_stored_model_says_how_its_thresholds_were_chosen() -> None:
    """The thresholds come from the trainer's policy, never from a hand or a script: the
    model file records the sets and limits they were chosen under and what they gave."""
    policy = STORED["policy"]
    assert policy["chosen_on"] and policy["max_everyday_alarms"] <= 0.03
    assert policy["figures"]["everyday"] <= policy["max_everyday_alarms"]
    assert policy["figures"]["long"] <= policy["max_long_alarms"]
    assert policy["figures"]["precision_held"] >= policy["min_precision"]


def test_batch_9_is_the_third_dev_test_half_never_trained_on(screen: RiskScreen) -> None:
    """Batch 9 (blind, seen since wave 18) is halved by a hash like batch 8; the stored model
    names it, and its never-fitted half keeps what wave 18 reached on it (rules and model
    0.852 before wave 18, 0.903 after, at precision 0.94)."""
    from bench.train_risk_model import is_devtest, lines

    found = lines(("risk_heldout9",))
    devtest = [ln for ln in found if is_devtest(ln)]
    assert 0.4 < len(devtest) / len(found) < 0.6
    assert "risk_heldout9" in STORED["trained_on"] and "risk_heldout9" in STORED["devtest"]
    fired = [bool(screen.hits(ln.text)) for ln in devtest]
    found_ = sum(f for f, ln in zip(fired, devtest, strict=True) if ln.labels)
    wrong = sum(f for f, ln in zip(fired, devtest, strict=True) if not ln.labels)
    assert found_ / sum(bool(ln.labels) for ln in devtest) >= 0.88
    assert found_ / (found_ + wrong) >= 0.9


def test_batch_10_is_the_fourth_dev_test_half_never_trained_on(screen: RiskScreen) -> None:
    """Batch 10 (blind, seen since wave 19) is halved by a hash like batches 8 and 9; the stored
    model names it, and its never-fitted half keeps what wave 19 reached on it. On main 67ee6aa
    (a model that never saw batch 10, thresholds chosen at 1 % everyday alarms) rules and model
    found 0.877 of its disclosures at precision 0.907; wave 19 (training set 19, the other half,
    the two thresholds chosen together at 1.8 %) 0.953 at 0.923."""
    from bench.train_risk_model import is_devtest, lines

    found = lines(("risk_heldout10",))
    devtest = [ln for ln in found if is_devtest(ln)]
    assert 0.4 < len(devtest) / len(found) < 0.6
    assert "risk_heldout10" in STORED["trained_on"] and "risk_heldout10" in STORED["devtest"]
    fired = [bool(screen.hits(ln.text)) for ln in devtest]
    found_ = sum(f for f, ln in zip(fired, devtest, strict=True) if ln.labels)
    wrong = sum(f for f, ln in zip(fired, devtest, strict=True) if not ln.labels)
    assert found_ / sum(bool(ln.labels) for ln in devtest) >= 0.93
    assert found_ / (found_ + wrong) >= 0.9


def test_the_two_thresholds_are_chosen_together_on_held_out_scores_only() -> None:
    """The pair search takes the lower threshold for texts with a risk word as far as the
    everyday limit allows, and never looks at the dev-tests: here a disclosure scored 0.55
    with a risk word is found, and the everyday comment at 0.5 with a risk word stays quiet."""
    from bench.risk_eval import Line
    from bench.train_risk_model import choose

    def line(text: str, labels: frozenset[str], where: str) -> Line:
        return Line("en", labels, text, True, "Latin", where)

    risk = [
        line(f"risk {i}", frozenset({"suicide"}), f"risk_heldout9/en.tsv:{i}") for i in range(20)
    ]
    calm = [line(f"calm {i}", frozenset(), f"risk_heldout9/en.tsv:{i + 20}") for i in range(20)]
    everyday = [line(f"day {i}", frozenset(), f"themes/en.tsv:{i}") for i in range(100)]
    scores = {ln.text: 0.95 for ln in risk[:10]}
    scores |= {ln.text: 0.55 for ln in risk[10:]}
    scores |= {ln.text: 0.1 for ln in calm}
    scores |= {ln.text: 0.5 if i < 5 else 0.1 for i, ln in enumerate(everyday)}
    backed = dict.fromkeys(scores, True)
    fires = dict.fromkeys(scores, False)
    high, low = choose(risk + calm, scores, everyday, scores, fires, backed)
    assert 0.5 < low <= 0.55 <= high


def test_a_risk_word_under_a_veto_does_not_lower_the_models_threshold(screen: RiskScreen) -> None:
    """ "All my tablets, as the doctor said": the tablets are a risk word, but the veto that
    keeps the rules quiet covers them, so the model gets no lower threshold from them (before
    wave 19 it did, and fired on such comments the rules had been told to leave alone)."""
    assert not screen.has_evidence("I took all my tablets this morning like the doctor said")
    assert screen.has_evidence("I took all my tablets this morning")
    assert screen.hits("I took all my tablets this morning like the doctor said") == []


def test_one_word_another_lexicon_reads_is_no_risk_word(screen: RiskScreen) -> None:
    """German "Bitte" folds to the English lexicon's "bite": a lexicon that finds one word in
    a sentence and nothing else is reading another language, and its word does not lower the
    model's threshold (before, that German request fired the model)."""
    text = "Bitte rufen Sie mich erst nach sechs Uhr abends an."
    assert not screen.has_evidence(text)
    assert screen.hits(text) == []
    assert screen.has_evidence("he bit me and took my phone")


def test_the_model_learnt_situations_and_the_everyday_lines_it_used_to_signpost() -> None:
    """Wave 21: dev set 21 (risk told as a situation with no risk word, and the same places in
    everyday talk) and training set 21 (a worker thanked by name, coming alone, a partner who
    came along, saving up for a holiday, in en pl lt lv ro pt ru so) are in the stored model's
    training; a retrain that drops them brings back the false alarms attack20 found."""
    assert "risk_dev21" in STORED["trained_on"]
    assert "risk_train21" in STORED["trained_on"]


def _with_meaning(name: str, weight: float) -> dict[str, object]:
    """The stored model with one meaning feature only, pulling "any" and suicide by
    ``weight``."""
    row = [weight if c in (ANY, "suicide") else 0.0 for c in STORED["classes"]]
    return {**STORED, **pack({name: row}, "meanings", "meaning_table"), "meaning_scale": 1.0}


def test_a_situation_is_read_by_its_meaning_whatever_the_words_and_staff_see_it() -> None:
    """Standing on a bridge watching the water, told in Somali in words no rule pairs: the
    lexicons read a height and water in one sentence, and a model that learnt that pair (in
    whichever language it was taught) signposts it, naming the meaning for staff. Standing on
    a bridge waiting for a bus, at the same distance from the threshold, stays quiet."""
    rules_only = RiskScreen(merge(load_builtin(), {}), builtin(normalise))
    data = _with_meaning("HEIGHT+WATER", 4.0)
    model = RiskModel(data)
    quiet = "Buundada ayaan saaka ku istaagay, baska ayaan sugayay muddo dheer"
    for text, fires in (
        ("Buundada ayaan saaka ku istaagay, biyaha ayaan daawanayay muddo dheer", True),
        (quiet, False),
    ):
        assert rules_only.hits(text) == []
        meant = rules_only.meanings(rules_only.reading(text))
        assert ("HEIGHT+WATER" in meant) is fires
        score = model.scores(" ".join(rules_only.sentences(text)))[ANY]  # letters alone
        assert score < 0.75
        near = RiskModel({**data, **_one_tier(score + 0.2, score + 0.2)})
        hits = RiskScreen(merge(load_builtin(), {}), builtin(normalise), near).hits(text)
        assert bool(hits) is fires, hits
        if fires:
            assert {h.lang for h in hits} == {MODEL}
            assert hits[0].phrase.endswith("; meaning: HEIGHT+WATER")


def test_a_model_file_without_meanings_still_screens(tmp_path: Path) -> None:
    """A model trained before the meaning features (letters alone) loads and screens."""
    older = {k: v for k, v in STORED.items() if not k.startswith("meaning")}
    path = tmp_path / "risk_model.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(older, f)
    model = load_model(path)
    assert model is not None and not model.meanings
    text = "honestly i dont think ill still be here by the spring, the counsellor"
    assert model.scores(text, ["SUICIDE+WISH"]) == model.scores(text)
    screen = RiskScreen(merge(load_builtin(), {}), builtin(normalise), model)
    assert screen.hits("I want to kill myself tonight")
    assert screen.hits("the bus only comes twice a day") == []


@pytest.mark.parametrize(
    "text",
    ["i dont want to", "i dont want to go", "no i dont want to", "ja już nie chcę"],
)
def test_a_short_answer_of_who_and_whether_gets_no_alert(screen: RiskScreen, text: str) -> None:
    """ "I don't want to (go)" answers a survey's question every day; its letters are the first
    words of "i dont want to live", which the model read as suicide at 0.84-0.87. Under six
    words with no risk word, the model reads only a text the lexicons find a situation in
    (``bot.safety.MODEL_SHORT_WORDS``)."""
    assert screen.hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "jei rytoj pabusiu, busiu pikta",  # lt: if I wake up tomorrow I'll be angry
        "paskutinė žinutė. neieškokit manęs",  # lt: last message. don't look for me
        "vypila vsyu pachku tabletok",  # ru: drank the whole packet of pills
    ],
)
def test_a_short_message_that_names_a_situation_is_still_read(
    screen: RiskScreen, text: str
) -> None:
    """Short disclosures with no word a rule needs name a situation (waking tomorrow, a last
    message, a packet of pills): the model still reads them, and signposts them."""
    assert [h.lang for h in screen.hits(text)] == [MODEL]
