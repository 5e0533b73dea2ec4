"""Affiliation of people and state bodies read from the text around them (issue #12)."""

from __future__ import annotations

import pytest

from eventwire.actors.affiliation import main_country
from eventwire.actors.mention import Mention
from eventwire.model import EVIDENCE


def _actor(result, text):
    return next(a for a in result.actors if a.text == text)


@pytest.mark.parametrize(("text", "name", "code", "evidence"), [
    # Apposition after the name, with a possessive organisation.
    ("Catherine Russell, UNICEF's executive director, said children were starving.",
     "Catherine Russell", "UNICEF", "apposition"),
    # Apposition before the name: the coded title it renames.
    ("\u201cWe are concerned,\u201d said Guterres' spokesman, Stephane Dujarric, on Monday.",
     "Stephane Dujarric", "UN", "apposition"),
    # An "of" phrase inside the apposition.
    ("Ahmed Farouk, the ambassador of Pakistan, said the talks would resume.",
     "Ahmed Farouk", "PAK", "apposition"),
    # A nationality inside the apposition.
    ("Will Wang, a Chinese student attending college in the United States, said he was tired.",
     "Will Wang", "CHN", "apposition"),
    # A body known only by its own name.
    ("China's state broadcaster CCTV said the talks went well.", "CCTV", "CHN", "apposition"),
])
def test_actors_affiliation_from_the_phrase_beside_the_name(pipeline, text, name, code, evidence):
    person = _actor(pipeline.process(text), name)
    assert (person.code, person.evidence) == (code, evidence)


def test_actors_affiliation_later_surname_inherits(pipeline):
    result = pipeline.process("Catherine Russell, UNICEF's executive director, spoke on Monday. "
                              "Russell said aid convoys were blocked.")
    later = [a for a in result.actors if a.text == "Russell"]
    assert later
    assert later[0].code == "UNICEF"
    assert later[0].evidence == "coreference"


def test_actors_affiliation_relative_clause_is_no_affiliation(pipeline):
    result = pipeline.process("Ahmed Farouk, who met Chinese officials last week, said the talks would resume.")
    assert _actor(result, "Ahmed Farouk").code is None


@pytest.mark.parametrize(("text", "name"), [
    ("Ahmed Farouk, a lawyer who met Chinese officials last week, said the talks would resume.",
     "Ahmed Farouk"),
    ("Ahmed Farouk, a critic of Putin, said the talks would resume.", "Ahmed Farouk"),
])
def test_actors_affiliation_topic_is_no_affiliation(pipeline, text, name):
    assert _actor(pipeline.process(text), name).code is None


@pytest.mark.parametrize(("text", "needle", "wrong"), [
    # A state acted on is not the official's.
    ("The talks went on.\n\nOfficials said they would impose new sanctions on Russia.", "Officials", "RUS"),
    ("The court sat.\n\nJudge Antony Mrima ruled that the deportation to Somalia was illegal.",
     "Mrima", "SOM"),
    # A staff word names no office.
    ("Reuters reported the news.\n\nSpokesman Wang Wenbin said Japan must stop.", "Wang", "JPN"),
])
def test_actors_officials_do_not_take_a_state_they_act_on(pipeline, text, needle, wrong):
    found = [a for a in pipeline.process(text).actors if needle in a.text]
    assert found
    assert all(a.code != wrong for a in found)


@pytest.mark.parametrize(("text", "needle", "code", "evidence"), [
    # The dateline's state wins over the paragraph's.
    ("NAIROBI, Kenya (AP) \u2014 Kenya's high court sat on Monday.\n\n"
     "Judge Antony Mrima said Somalia had asked for the men.", "Mrima", "KEN", "dateline"),
    # The only state acting in the paragraph.
    ("Pakistan has asked for a new loan.\n\nFinance Minister Muhammad Aurangzeb confirmed "
     "on Sunday that Pakistan is negotiating with lenders.", "Aurangzeb", "PAK", "paragraph"),
    # A later title inherits the first mention's state.
    ("Finance Minister Muhammad Aurangzeb of Pakistan spoke on Sunday.\n\n"
     "The minister said talks with China would go on.", "The minister", "PAK", None),
])
def test_actors_officials_take_the_state_the_text_settles(pipeline, text, needle, code, evidence):
    found = next(a for a in pipeline.process(text).actors if needle in a.text)
    assert found.code == code
    assert evidence is None or found.evidence == evidence


def test_actors_titled_official_with_two_states_in_play_stays_uncoded(pipeline):
    text = ("Kenya and Uganda met.\n\nFinance Minister John Mbadi said Kenya and Uganda "
            "would share the cost.")
    person = next(a for a in pipeline.process(text).actors if "Mbadi" in a.text)
    assert person.code is None


def test_actors_bare_officials_take_the_only_state_of_the_paragraph(pipeline):
    text = "Officials in Nigeria said the schoolgirls were freed. Officials said no ransom was paid."
    officials = [a for a in pipeline.process(text).actors if a.text == "Officials"]
    assert officials
    assert all(a.code == "NGA" for a in officials)


def _state(code: str) -> Mention:
    return Mention(0, 1, code=code, kind="state")


@pytest.mark.parametrize(("codes", "expected"), [
    (["KEN", "KEN", "KEN", "UGA"], "KEN"),
    (["KEN", "KEN", "KEN", "UGA", "UGA"], None),  # not twice the next
    (["KEN", "KEN"], None),  # too few
    ([], None),
])
def test_actors_main_country(codes, expected):
    assert main_country([_state(c) for c in codes], frozenset({"KEN", "UGA"})) == expected


def test_actors_evidence_iff_code(pipeline, sample_dir):
    from eventwire import read

    for article in read([str(sample_dir)]):
        for actor in pipeline.process(article).actors:
            assert (actor.evidence is None) == (actor.code is None), actor
            assert actor.evidence is None or actor.evidence in EVIDENCE


def test_actors_affiliation_gives_no_descriptor_a_code(pipeline):
    text = "The ILO reiterated its demand that Israel ease the movement of Palestinian workers."
    assert not [a for a in pipeline.process(text).actors if a.text == "the movement"]
