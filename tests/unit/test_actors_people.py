"""Unit tests for the actors stage: leaders (people.tsv), country field, groups of states,
coordinated names, regions and the PLOVER code sets."""

from __future__ import annotations

import pytest

from eventwire.actors import dictionary
from eventwire.evaluate.actors import plover_classes, resolved_codes


@pytest.fixture(scope="module")
def pipe(pipeline):
    return pipeline


def actors_of(pipe, text):
    return pipe.process(text).actors


def find(actors, text):
    return next(a for a in actors if a.text == text)


@pytest.mark.parametrize(("text", "mention", "code", "sector", "country"), [
    ("Russian President Vladimir Putin met reporters.", "Russian President Vladimir Putin",
     "RUS", "GOV", "RUS"),
    ("President Obama spoke on Monday.", "President Obama", "USA", "GOV", "USA"),
    ("Putin said the talks had failed.", "Putin", "RUS", "GOV", "RUS"),
    ("Hamas leader Ismail Haniyeh left Doha.", "Hamas leader Ismail Haniyeh", "HAMAS", "REB",
     "PSE"),
    ("U.N. Secretary-General Kofi Annan visited Baghdad.", "U.N. Secretary-General Kofi Annan",
     "UN", "GOV", None),
])
def test_actors_people_known_leaders(pipe, text, mention, code, sector, country):
    actor = find(actors_of(pipe, text), mention)
    assert (actor.code, actor.sector, actor.kind, actor.country) == (code, sector, "person",
                                                                     country)


@pytest.mark.parametrize(("text", "mention"), [
    ("Bush fires burned across the state.", "Bush"),
    ("Rice prices rose sharply in Asia.", "Rice"),
    ("Jeb Bush campaigned in Florida.", "Jeb Bush"),
    ("Kim said the meeting went well.", "Kim"),
])
def test_actors_people_ambiguous_short_names_left_alone(pipe, text, mention):
    actors = actors_of(pipe, text)
    assert not any(a.text == mention and a.code is not None for a in actors)


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("President Bush threatened further action.", "President Bush", "USA"),
    ("George W. Bush met aides. Later Bush spoke.", "Bush", "USA"),
    ("Kim Jong-un fired a missile. Kim later watched a parade.", "Kim", "PRK"),
])
def test_actors_people_ambiguous_short_names_with_context(pipe, text, mention, code):
    assert find(actors_of(pipe, text), mention).code == code


def test_actors_people_shared_short_forms_need_full_name():
    d = dictionary.packaged()
    assert d.get("kim") is None
    assert d.get("lee") is None
    assert d.get("kim jong-un").code == "PRK"
    assert d.get("bush").full


@pytest.mark.parametrize(("text", "mention", "code", "country"), [
    ("Israel said so.", "Israel", "ISR", "ISR"),
    ("Hamas militants fired rockets.", "Hamas militants", "HAMAS", "PSE"),
    ("NATO said it would respond.", "NATO", "NATO", None),
    ("The IDF said it struck targets.", "The IDF", "ISR", "ISR"),
])
def test_actors_people_country_field(pipe, text, mention, code, country):
    actor = find(actors_of(pipe, text), mention)
    assert (actor.code, actor.country) == (code, country)


@pytest.mark.parametrize("phrase", ["Arab states", "Gulf states", "Western powers",
                                    "the West", "European countries", "world powers"])
def test_actors_people_groups_of_states_unresolved(pipe, phrase):
    actor = find(actors_of(pipe, f"Iran warned {phrase} on Sunday."), phrase)
    assert (actor.code, actor.kind) == (None, "group")


def test_actors_people_west_bank_is_not_the_west(pipe):
    actor = find(actors_of(pipe, "Settlers in the West Bank protested."), "the West Bank")
    assert actor.code == "PSE"


def test_actors_people_coordinated_names_share_the_agent(pipe):
    actors = actors_of(pipe, "The ambassadors of Egypt, Jordan and Qatar met in Paris.")
    found = {(a.code, a.sector) for a in actors}
    assert {("EGY", "GOV"), ("JOR", "GOV"), ("QAT", "GOV")} <= found


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("The government of Sindh province ordered patrols.", "Sindh province", "PAK"),
    ("Fighting spread in Anbar province.", "Anbar province", "IRQ"),
])
def test_actors_people_regions_with_type_word(pipe, text, mention, code):
    actors = actors_of(pipe, text)
    assert any(mention in a.text and a.code == code for a in actors)


def test_actors_people_plover_codes_include_classes(pipe):
    classes = plover_classes(pipe)
    actors = actors_of(pipe, "Al-Qaeda leaders met. A human rights group protested.")
    codes = resolved_codes(actors, classes)
    assert {"ALQAEDA", "IMG", "NGO"} <= codes


@pytest.mark.parametrize(("text", "code"), [
    ("Thatcher and Mitterrand met in Paris.", {"GBR", "FRA"}),
    ("The talks will begin on Monday, Shamir said.", {"ISR"}),  # "begin" is no Begin
])
def test_actors_leaders_of_the_1980s(pipe, text, code):
    assert {a.code for a in actors_of(pipe, text) if a.code} == code
