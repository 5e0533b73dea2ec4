"""Unit tests for the actors stage's general rules: coordination, ethnic groups, staff
words before bodies with their own sector, descriptor coreference. Invented sentences."""

from __future__ import annotations

import pytest

from eventwire.actors import dictionary
from eventwire.actors.agents import combine_sector


@pytest.fixture(scope="module")
def pipe(pipeline):
    return pipeline


def actors_of(pipe, text):
    return pipe.process(text).actors


def coded(actors):
    return [(a.text, a.code, a.sector) for a in actors if a.code]


@pytest.mark.parametrize(("text", "name", "code"), [
    ("The United States and Jordan signed a water agreement on Monday.", "Jordan", "JOR"),
    ("Jordan and Canada opened a trade office.", "Jordan", "JOR"),
    ("Delegates from Peru, Georgia and Norway met in Oslo.", "Georgia", "GEO"),
])
def test_actors_ambiguous_name_beside_country(pipe, text, name, code):
    actors = actors_of(pipe, text)
    assert any(a.text == name and a.code == code for a in actors)


@pytest.mark.parametrize("text", [
    "Michael Jordan and Canada Goose signed a sponsorship deal.",
    "Jordan scored twelve points before halftime.",
])
def test_actors_ambiguous_name_alone_stays_out(pipe, text):
    assert not any(a.code == "JOR" for a in actors_of(pipe, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Senior Hungarian and Romanian officials met in a border town on Tuesday.",
     [("Hungarian", "HUN", "GOV"), ("Romanian", "ROU", "GOV")]),
    ("Senior American and Chinese officials held talks on trade.",
     [("American", "USA", "GOV"), ("Chinese", "CHN", "GOV")]),
    ("US and British forces attacked the town at dawn.",
     [("US", "USA", "MIL"), ("British", "GBR", "MIL")]),
    ("Peruvian, Chilean and Bolivian ministers signed the accord.",
     [("Peruvian", "PER", "GOV"), ("Chilean", "CHL", "GOV"), ("Bolivian", "BOL", "GOV")]),
])
def test_actors_coordinated_adjectives_one_actor_each(pipe, text, expected):
    actors = actors_of(pipe, text)
    got = [(a.text, a.code, a.sector) for a in actors if a.code]
    assert got[: len(expected)] == expected
    for a in actors:
        assert text[a.start : a.end] == a.text


def test_actors_coordinated_adjectives_are_anonymous_people(pipe):
    actors = actors_of(pipe, "Senior Hungarian and Romanian officials met on Tuesday.")
    assert [(a.kind, a.anonymous) for a in actors[:2]] == [("person", True)] * 2


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("Bosnian Serbs rejected the peace plan.", "Bosnian Serbs", "BIH"),
    ("Iraqi Kurds voted in a referendum on Monday.", "Iraqi Kurds", "IRQ"),
    ("Syrian Kurds held the town for a week.", "Syrian Kurds", "SYR"),
    ("Kosovo Albanians celebrated in the streets.", "Kosovo Albanians", "XKX"),
    ("Turkish Kurds protested outside the court.", "Turkish Kurds", "TUR"),
])
def test_actors_ethnic_group_coded_by_state_of_residence(pipe, text, mention, code):
    actor = next(a for a in actors_of(pipe, text) if a.text == mention)
    assert (actor.code, actor.kind) == (code, "group")


def test_actors_ethnic_group_before_agent(pipe):
    actors = actors_of(pipe, "Bosnian Serb forces shelled the valley overnight.")
    assert ("Bosnian Serb forces", "BIH", "MIL") in coded(actors)


@pytest.mark.parametrize(("text", "code"), [
    ("Serbs rallied in the capital.", "SRB"),  # a demonym alone keeps its country
    ("Kurds rallied in the square.", None),  # an ethnic word alone names no state
])
def test_actors_ethnic_word_alone(pipe, text, code):
    codes = [a.code for a in actors_of(pipe, text) if a.code]
    assert codes == ([code] if code else [])


@pytest.mark.parametrize(("text", "mention", "code", "sector"), [
    ("Red Cross officials visited the prison.", "Red Cross officials", "REDCROSS", "NGO"),
    ("A UN spokesman said the convoy was delayed.", "A UN spokesman", "UN", "IGO"),
    ("Hamas officials said the truce would hold.", "Hamas officials", "HAMAS", "REB"),
    ("Islamic State leaders ordered the attack.", "Islamic State leaders", "ISIS", "REB"),
    ("An Islamic State spokesman claimed the bombing.", "An Islamic State spokesman",
     "ISIS", "REB"),
    ("Houthi forces seized the port.", "Houthi forces", "HOUTHI", "MIL"),
    ("Senior American officials declined to comment.", "Senior American officials",
     "USA", "GOV"),
])
def test_actors_staff_words_keep_body_sector(pipe, text, mention, code, sector):
    actor = next(a for a in actors_of(pipe, text) if a.text == mention)
    assert (actor.code, actor.sector) == (code, sector)


def test_actors_combine_sector_staff_rule():
    d = dictionary.packaged()
    ngo, official, troops = d.get("red cross"), d.get("officials"), d.get("troops")
    assert official.staff
    assert not troops.staff
    assert combine_sector(ngo, official) == "NGO"
    assert combine_sector(ngo, troops) == "MIL"
    assert combine_sector(None, official) == "GOV"


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("The United Nations condemned the raid. The world body said it would send aid.",
     "The world body", "UN"),
    ("Hamas fired rockets at a border town. The militants said they would go on.",
     "The militants", "HAMAS"),
    ("NATO met in Brussels. The alliance agreed to send jets.", "The alliance", "NATO"),
    ("Hezbollah denied the claim. A Hezbollah official spoke. The group said no more.",
     "The group", "HEZBOLLAH"),
    ("The Malian army crossed the river. The army said it met no resistance.",
     "The army", "MLI"),
])
def test_actors_definite_descriptor_refers_back(pipe, text, mention, code):
    actors = actors_of(pipe, text)
    later = next(a for a in actors if a.text == mention)
    assert later.refers_to is not None
    assert later.code == code


def test_actors_descriptor_takes_most_recent_compatible(pipe):
    actors = actors_of(pipe, "Hamas and Israel traded fire. Hezbollah joined in. "
                       "The group said it would stop.")
    later = next(a for a in actors if a.text == "The group")
    assert later.code == "HEZBOLLAH"


@pytest.mark.parametrize("text", [
    "The world body said it would send aid.",  # nothing to refer to: dropped
    "The group met in a cafe on Sunday.",
    "A government statement said the talks had ended.",  # left unresolved: no actor
])
def test_actors_unresolved_descriptor_dropped(pipe, text):
    assert actors_of(pipe, text) == [] or all(
        a.text.lower() not in ("the world body", "the group", "government")
        for a in actors_of(pipe, text))


def test_actors_unresolved_militants_kept_without_code(pipe):
    actors = actors_of(pipe, "The militants fired at a checkpoint.")
    actor = next(a for a in actors if a.text == "The militants")
    assert (actor.code, actor.sector) == (None, "REB")


def test_actors_place_of_body_does_not_code_it(pipe):
    actors = actors_of(pipe, "The IAEA sent inspectors. The Vienna-based agency said so.")
    later = next(a for a in actors if a.text == "The Vienna-based agency")
    assert (later.code, later.sector) == ("IAEA", "IGO")


def test_actors_former_president_keeps_gov(pipe):
    # "former" is not modelled (PETRARCH's ELI): the post's sector is kept.
    actors = actors_of(pipe, "Former US president Bill Clinton visited Nairobi.")
    first = actors[0]
    assert (first.code, first.sector) == ("USA", "GOV")


@pytest.mark.parametrize("name", ["staff_words.tsv", "ethnic_groups.tsv", "descriptors.tsv"])
def test_actors_new_data_files_have_source_header(name):
    from eventwire import lexicons

    assert lexicons.read_text(f"actors/{name}").startswith("#")


@pytest.mark.parametrize("text", [
    "Opposition groups in Togo called a general strike.",
    "Togolese opposition parties called a general strike.",
])
def test_actors_opposition_groups_are_opp(pipe, text):
    assert ("TGO", "OPP") in {(a.code, a.sector) for a in actors_of(pipe, text)}


def test_actors_anti_prefix_names_no_actor(pipe):
    assert "SOM" not in {a.code for a in actors_of(pipe, "Kenya armed anti-Somali fighters.")}
