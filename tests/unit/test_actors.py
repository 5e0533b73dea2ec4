"""Unit tests for the actors stage: dictionaries, compounds, coreference, PETRARCH import."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import Pipeline
from eventwire.actors import dictionary, petrarch
from eventwire.errors import DataFileError


@pytest.fixture(scope="module")
def pipe(pipeline):
    return pipeline


def actors_of(pipe, text):
    return pipe.process(text).actors


def find(actors, text):
    return next(a for a in actors if a.text == text)


@pytest.mark.parametrize(("text", "mention", "code", "sector"), [
    ("The Israeli Air Force struck targets near the border on Monday.",
     "The Israeli Air Force", "ISR", "MIL"),
    ("A senior American official told reporters the talks would resume.",
     "A senior American official", "USA", "GOV"),
    ("Turkish police detained twelve suspects in Istanbul.", "Turkish police", "TUR", "COP"),
    ("The Israeli government refused to negotiate.", "The Israeli government", "ISR", "GOV"),
    ("Hamas militants fired rockets overnight.", "Hamas militants", "HAMAS", "REB"),
    ("Iran's Revolutionary Guards seized a tanker.", "Iran's Revolutionary Guards", "IRN", "MIL"),
    ("The Kremlin rejected the proposal.", "The Kremlin", "RUS", "GOV"),
    ("NATO said it would send more troops.", "NATO", "NATO", "IGO"),
])
def test_actors_compound_mentions(pipe, text, mention, code, sector):
    actor = find(actors_of(pipe, text), mention)
    assert (actor.code, actor.sector) == (code, sector)


def test_actors_titled_person_and_surname(pipe):
    actors = actors_of(pipe, "US Defense Secretary Ashton Carter met reporters in Kabul. "
                       "Carter said the mission would continue.")
    first = next(a for a in actors if "Ashton Carter" in a.text)
    assert (first.code, first.sector, first.kind, first.anonymous) == ("USA", "GOV", "person", False)
    later = next(a for a in actors if a.text == "Carter")
    assert later.refers_to == first.id
    assert later.code == "USA"


def test_actors_anonymous_official_and_the_official(pipe):
    actors = actors_of(pipe, "A senior American official said Iran was a threat. "
                       "The official added that talks would go on.")
    first = find(actors, "A senior American official")
    later = find(actors, "The official")
    assert first.anonymous
    assert later.anonymous
    assert later.refers_to == first.id
    assert (later.code, later.sector) == ("USA", "GOV")


@pytest.mark.parametrize(("text", "mention"), [
    ("Michael Jordan scored thirty points last night.", "Jordan"),
    ("The turkey was roasted for the holiday dinner.", "turkey"),
    ("He told us that the plan was ready.", "us"),
    ("Chad Smith played the drums at the concert.", "Chad"),
])
def test_actors_ambiguous_names_left_alone(pipe, text, mention):
    actors = actors_of(pipe, text)
    assert not any(a.text == mention and a.code is not None for a in actors)


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("Jordan and Israel signed a water deal in Amman.", "Jordan", "JOR"),
    ("Turkey said it would veto the plan.", "Turkey", "TUR"),
])
def test_actors_ambiguous_names_resolved_from_context(pipe, text, mention, code):
    assert find(actors_of(pipe, text), mention).code == code


def test_actors_abbreviation_from_article_context(pipe):
    text = "Israel said it had struck a depot. An IAF jet fired two missiles, Israel said."
    assert (find(actors_of(pipe, text), "IAF").code, find(actors_of(pipe, text), "IAF").sector) \
        == ("ISR", "MIL")


@pytest.mark.parametrize("text", [
    "Officials in Ruritania said nothing. Jane Doe of Acme Holdings declined to comment.",
])
def test_actors_unresolved_people_kept(pipe, text):
    actors = actors_of(pipe, text)
    assert any(a.code is None and a.kind == "person" for a in actors)


@pytest.mark.parametrize(("code", "expected"), [
    ("USAGOVELI", ("USA", "GOVELI")), ("ARN", ("ARN", None)), ("---", (None, None)),
    ("pse", ("PSE", None)),
])
def test_actors_petrarch_split_code(code, expected):
    assert petrarch.split_code(code) == expected


def test_actors_petrarch_actors_file(tmp_path):
    path = tmp_path / "Mine.actors.txt"
    path.write_text("<!-- a comment -->\nFREEDONIA_ [FRD] # comment\n+FREEDONIAN\n"
                    "RUFUS_FIREFLY\n\t[FRDGOV 19330101-19331231]\n\t[FRDELI]\n"
                    "SYLVANIA [---]\n", encoding="utf-8")
    rows = dict((dictionary.normalise(p), e) for p, e in petrarch.read(path))
    assert rows["freedonian"].code == "FRD"
    assert (rows["rufus firefly"].code, rows["rufus firefly"].sector) == ("FRD", "ELI")
    assert rows["sylvania"].code is None


def test_actors_petrarch_agents_plurals_and_sets(tmp_path):
    path = tmp_path / "Mine.agents.txt"
    path.write_text("!PERSON! = MAN, MEN\nPOLICE {} [~COP]\nSOLDIER [~MIL]\n"
                    "CHAIR!PERSON! [~BUS]\nMSF {} [NGO~]\n", encoding="utf-8")
    rows = dict((dictionary.normalise(p), e) for p, e in petrarch.read(path))
    assert rows["soldiers"].sector == "MIL"
    assert "polices" not in rows
    assert rows["chairmen"].sector == "BUS"
    assert rows["msf"].prefix


def test_actors_user_tsv_dictionary_overrides(nlp, tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("# my actors\nFreedonia\tFRD\t\tstate\tFreedonia\n"
                    "Acme Holdings\tACME\tBUS\torganisation\tAcme\n"
                    "harbour master\t\tGOV\tagent\t\n", encoding="utf-8")
    pipe = Pipeline(dictionaries=(path,))
    actors = pipe.process("Freedonia's harbour master met Acme Holdings on Monday.").actors
    assert any(a.code == "FRD" and a.sector == "GOV" for a in actors)
    assert any(a.code == "ACME" for a in actors)


def test_actors_user_yaml_dictionary(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {phrase: Freedonia, code: FRD, aliases: [Freedonian]}\n"
                    "agents:\n  - {phrase: harbour master, sector: GOV}\n", encoding="utf-8")
    d = dictionary.load_user(path)
    assert d.get("freedonian").code == "FRD"
    assert d.get("harbour master").form == "agent"


@pytest.mark.parametrize("content", ["Freedonia\t\t\tstate\n", "\tFRD\n", "X\tFRD\t\tplanet\n"])
def test_actors_bad_user_dictionary_names_line(tmp_path, content):
    path = tmp_path / "bad.tsv"
    path.write_text("# header\n" + content, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.tsv:2"):
        dictionary.load_user(path)


@pytest.mark.parametrize("name", ["missing.tsv"])
def test_actors_missing_dictionary_is_reported(name):
    with pytest.raises(DataFileError):
        dictionary.load_user(Path(name))


def test_actors_packaged_dictionary_covers_every_country():
    import pycountry

    d = dictionary.packaged()
    codes = {e.code for e in d.entries.values()}
    assert {c.alpha_3 for c in pycountry.countries} <= codes
