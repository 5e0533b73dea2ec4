"""One anonymity rule for every source (issue #12): anonymous when the source identifies
no person and no named body."""

from __future__ import annotations

import pytest


def _source(pipeline, text):
    quotes = pipeline.process(text).attributions
    assert quotes, text
    assert quotes[0].source is not None, text
    return quotes[0].source


@pytest.mark.parametrize(("text", "anonymous"), [
    ("Officials said the plan failed.", True),
    ("Authorities said three people died.", True),
    ("Biden administration officials said the talks would resume.", True),
    ("Two Clinton donors said they were worried.", True),
    ("Chinese researchers said the army used the model.", True),
    ("A source close to the talks said a deal was near.", True),
    ("A source close to Putin said a deal was near.", True),
    ("Many said the election was unfair.", True),
    ("The State Department said it was concerned.", False),
    ("A DHS spokesperson said the claims were baseless.", False),
    ("Pakistan's foreign ministry said the talks would go on.", False),
    ("Dujarric said the UN was concerned.", False),
    ("Police said two people were arrested.", False),
    ("A Turkish presidential statement said Turkey can help.", False),
    ("The former French foreign minister said he was tired.", False),
    ("Eight Republican U.S. senators led by Jim Risch said they were worried.", False),
    ("A senior official, speaking on condition of anonymity, said Dujarric was wrong.", True),
])
def test_attribution_anonymity_rule(pipeline, text, anonymous):
    assert _source(pipeline, text).anonymous is anonymous


def test_attribution_pronoun_is_the_latest_subject_person(pipeline):
    text = ("\u201cChina is pressing hard,\u201d said Stephen Nagy, a professor in Tokyo. "
            "Mahathir Mohamad has been more outspoken. In April he said China must define its claims.")
    result = pipeline.process(text)
    by_id = {a.id: a for a in result.actors}
    he = next(q for q in result.attributions if q.source and q.source.text == "he")
    assert "Mahathir" in by_id[he.source.actor].text


def test_attribution_relative_pronoun_speaks_as_its_noun(pipeline):
    text = "Officials met Raila Odinga, who said a deal was near."
    result = pipeline.process(text)
    by_id = {a.id: a for a in result.actors}
    who = next(q for q in result.attributions if q.source and q.source.text == "who")
    assert by_id[who.source.actor].text == "Raila Odinga"
