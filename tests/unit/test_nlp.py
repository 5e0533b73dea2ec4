"""Model loading and the paragraph-boundary component."""

from __future__ import annotations

import pytest

from eventwire import nlp as nlp_module


def test_nlp_default_model_has_paragraph_component(nlp):
    names = nlp.pipe_names
    assert names.index(nlp_module.PARAGRAPHS) < names.index("parser")


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Iran warns Israel over drills\n\nThe ministry said on Monday it would respond.",
         "Iran warns Israel over drills\n\n"),
        ("Iran warns Israel over drills\nThe ministry said on Monday it would respond.",
         "Iran warns Israel over drills\n"),
    ],
)
def test_nlp_headline_is_its_own_sentence(nlp, text, first):
    assert next(iter(nlp(text).sents)).text == first


def test_nlp_wrapped_lines_inside_a_paragraph_are_not_split(nlp):
    text = "The minister said the army\nwould withdraw by Friday.\n\nA second paragraph."
    sentences = [s.text for s in nlp(text).sents]
    assert sentences[0].startswith("The minister said the army\nwould withdraw")


def test_nlp_unknown_model_is_reported():
    with pytest.raises(nlp_module.ModelNotFound, match="xx_nothing"):
        nlp_module.load("xx_nothing")


@pytest.mark.parametrize(("text", "index", "lemma"), [
    ("Students staged a rally.", 1, "stage"),
    ("Rebels are waging war.", 2, "wage"),
    ("The court fined the company.", 2, "fine"),
    ("Troops barred the road.", 1, "bar"),  # "barred" is bar's own form: kept
])
def test_nlp_verb_lemmas_cut_short_are_restored(nlp, text, index, lemma):
    assert nlp.get_pipe("eventwire_lemmas") is not None
    assert nlp(text)[index].lemma_ == lemma
