"""Unit tests for PETRARCH dictionaries: date-restricted codes chosen by the article's
date, prefix agents before a name, coordinated names and agents. Invented entries."""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.actors import petrarch
from eventwire.model import Article

ACTORS = """\
VALDORIA [VAL]
+VALDORIAN
BRENMARK [BRN]
OSKARA [OSK]
TOMAS_KELLER [VAL] # default code
\t[VALCVL <20080120]
\t[VALMIL 20080120-20121109]
\t[VALGOV >20121110]
IRENA_VOSS
\t[VAL <950601]
\t[VALGOV 19950601 - 19990815]
\t[VALREB > 990816]
OLD_KINGDOM
\t[OKD <911226]
"""
AGENTS = """\
GOVERNMENT [~GOV]
MEDIA [~MED]
LAWMAKER [~LEG]
AID_WORKER [~NGO]
MSF {} [NGO~]
"""


@pytest.fixture(scope="module")
def pipe(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("petrarch")
    (folder / "Test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "Test.agents.txt").write_text(AGENTS, encoding="utf-8")
    return Pipeline(dictionaries=(folder / "Test.actors.txt", folder / "Test.agents.txt"))


def codes(pipe, text, published=None):
    actors = pipe.process(Article(text=text, published=published)).actors
    for a in actors:
        assert text[a.start : a.end] == a.text
    return {a.text: (a.code or "") + (a.sector or "") for a in actors if a.code}


@pytest.mark.parametrize(("published", "code"), [
    ("20050301", "VALCVL"),        # "<": before the day
    ("20080119", "VALCVL"),
    ("20080120", "VALMIL"),        # a range includes its first day …
    ("2012-11-09", "VALMIL"),      # … and its last (ISO date)
    ("2012-11-10T08:00:00Z", "VALGOV"),  # ">": from the day on
    (None, "VAL"),                 # no date: the undated code
])
def test_actors_petrarch_dated_code_on_article_date(pipe, published, code):
    text = "Tomas Keller criticised Brenmark on Monday."
    assert codes(pipe, text, published)["Tomas Keller"] == code


@pytest.mark.parametrize(("published", "code"), [
    ("19920102", "VAL"),           # six-digit dates: 95 → 1995, 99 → 1999
    ("19951101", "VALGOV"),
    ("20010101", "VALREB"),
    (None, "VALREB"),              # no undated code: the open-ended one
])
def test_actors_petrarch_two_digit_years_and_fallback(pipe, published, code):
    assert codes(pipe, "Irena Voss met Brenmark.", published)["Irena Voss"] == code


def test_actors_petrarch_expired_code_leaves_name_uncoded(pipe):
    assert "OKD" not in codes(pipe, "The Old Kingdom protested.", "20020101").values()
    assert "OKD" in codes(pipe, "The Old Kingdom protested.", "19900101").values()


@pytest.mark.parametrize(("published", "day"), [
    ("2024-05-02", 20240502), ("19950104", 19950104), ("2024-05-02T10:00:00+02:00", 20240502),
    ("", None), (None, None), ("May 2, 2024", None),
])
def test_actors_petrarch_article_day(published, day):
    assert petrarch.article_day(published) == day


def test_actors_petrarch_prefix_agent_before_name(pipe):
    assert codes(pipe, "MSF Valdoria opened a clinic in Oskara.")["MSF Valdoria"] == "NGOVAL"


def test_actors_petrarch_coordinated_names_each_coded(pipe):
    found = codes(pipe, "Valdoria, Oskara and the proud Brenmark signed a treaty.")
    assert {"Valdoria": "VAL", "Oskara": "OSK"}.items() <= found.items()
    assert "BRN" in found.values()


def test_actors_petrarch_coordinated_agents_share_state(pipe):
    found = codes(pipe, "Valdorian media and government criticised the plan.")
    assert sorted(found.values()) == ["VALGOV", "VALMED"]
