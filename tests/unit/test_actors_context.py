"""Unit tests for context coding of state institutions (``actors/context.py``): the same
institution named earlier with its country, and the article's dominant country.
Invented sentences and people."""

from __future__ import annotations

import pytest

from eventwire.actors import context


@pytest.fixture(scope="module")
def pipe(pipeline):
    return pipeline


def code_of(pipe, text, mention):
    actors = pipe.process(text).actors
    found = [a for a in actors if a.text == mention]
    assert found, f"no actor {mention!r} in {[a.text for a in actors]}"
    for a in actors:
        assert text[a.start : a.end] == a.text
    return found[0].code


@pytest.mark.parametrize(("text", "mention", "code"), [
    # Same institution named before with its country.
    ("Austria's Foreign Ministry rejected the claim. \"It is false,\" ministry spokesman "
     "Lukas Brenner said.", "ministry spokesman Lukas Brenner", "AUT"),
    ("The Chilean air force flew two sorties on Sunday. Air force spokesman Pablo Rojas "
     "said no aircraft were lost.", "Air force spokesman Pablo Rojas", "CHL"),
    ("Peru's Interior Ministry said six people were held. According to the ministry, "
     "two are minors.", "the ministry", "PER"),
    ("The Iraqi army closed the road. A military spokesman, Ali Kareem, said it would "
     "reopen.", "A military spokesman", "IRQ"),
    # The nearest earlier mention wins.
    ("Ghana's Foreign Ministry and then Togo's Foreign Ministry protested. Foreign "
     "Ministry spokesman Kofi Mensah said talks would go on.",
     "Foreign Ministry spokesman Kofi Mensah", "TGO"),
    # Dateline names a country the lead also names: domestic bodies are its own.
    ("LIMA, Peru (Newswire) — Peru expelled two Bolivian diplomats on Friday, the "
     "Foreign Ministry said.\n\nLocal officials said the border stayed open.",
     "the Foreign Ministry", "PER"),
    ("LIMA, Peru (Newswire) — Peru expelled two Bolivian diplomats on Friday, the "
     "Foreign Ministry said.\n\nLocal officials said the border stayed open.",
     "Local officials", "PER"),
    # A capital in the dateline.
    ("OSLO (Newswire) — Norway will send two frigates to the Baltic, the military "
     "said on Monday.", "the military", "NOR"),
    # No dateline: the lead names exactly one country.
    ("Kenyan police arrested nine people in raids on Tuesday, the Interior Ministry "
     "said.", "the Interior Ministry", "KEN"),
])
def test_actors_context_codes_institution(pipe, text, mention, code):
    assert code_of(pipe, text, mention) == code


@pytest.mark.parametrize(("text", "mention"), [
    # Dateline country not in the lead: no dominant country.
    ("OSLO (Newswire) — Sweden and Finland will hold joint drills, the military said.",
     "the military"),
    # Lead names two countries and no dateline: no dominant country.
    ("Peru and Chile signed a border accord on Friday, the Foreign Ministry said.",
     "the Foreign Ministry"),
    # A named person's post is not guessed from the article.
    ("LIMA, Peru (Newswire) — Peru recalled its envoy on Friday.\n\nSpokesman "
     "Diego Flores said the move was temporary.", "Spokesman Diego Flores"),
    # An indefinite body is not the dominant country's.
    ("LIMA, Peru (Newswire) — Peru recalled its envoy on Friday.\n\nA ministry "
     "said the move was temporary.", "A ministry"),
])
def test_actors_context_leaves_doubtful_uncoded(pipe, text, mention):
    actors = pipe.process(text).actors
    assert not any(a.text == mention and a.code for a in actors)


def test_actors_context_institutions_file_is_valid():
    table, pattern = context.institutions()
    assert "foreign ministry" in table
    assert all(inst.family == "" or inst.family == inst.family.lower() for inst in table.values())
    assert pattern.search("the defence ministry said").group() == "defence ministry"
