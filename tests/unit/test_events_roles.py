"""Role rules of the events stage, each on invented sentences (see the README)."""

from __future__ import annotations

import pytest

from eventwire.evaluate.events import _role_ok
from eventwire.model import Role


@pytest.fixture(scope="module")
def pipeline(rules_pipeline):
    """Every event the rules make: these tests check rules, not the confidence floor."""
    return rules_pipeline


def _pick(pipeline, text, trigger):
    events = pipeline.process(text).events
    found = [e for e in events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.cameo) for e in events]
    return found


def _pairs(events):
    return {(e.source.code if e.source else None, e.target.code if e.target else None) for e in events}


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    # the target sits under the complement verb
    ("Chile threatened to cut diplomatic ties with Peru.", "threatened", ("CHL", "PER")),
    ("Ghana refused to meet the Togolese foreign minister.", "refused", ("GHA", "TGO")),
    ("Brazil threatened to impose tariffs on Argentine exporters.", "threatened", ("BRA", "ARG")),
])
def test_events_roles_complement_target(pipeline, text, trigger, pair):
    assert pair in _pairs(_pick(pipeline, text, trigger))


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    ("Kenyan farmers said they would blockade Nairobi.", "blockade", ("KEN", "KEN")),
    ("Peru said it had sent food aid to Bolivia.", "sent", ("PER", "BOL")),
    ("The Somali government said its troops would cooperate with Kenya.", "cooperate", ("SOM", "KEN")),
])
def test_events_roles_reported_pronoun_is_the_speaker(pipeline, text, trigger, pair):
    assert pair in _pairs(_pick(pipeline, text, trigger))


def test_events_roles_coded_modifier_beats_uncoded_name(pipeline):
    found = _pick(pipeline, "NATO spokeswoman Karin Holm praised Estonia.", "praised")
    assert ("NATO", "EST") in _pairs(found)


def test_events_roles_conjoined_nationality_modifiers(pipeline):
    found = _pick(pipeline, "Danish and Dutch warplanes struck Libya.", "struck")
    assert {("DNK", "LBY"), ("NLD", "LBY")} <= _pairs(found)


def test_events_roles_plan_noun_takes_the_verbs_subject(pipeline):
    found = _pick(pipeline, "Norway has no plans to expel Russian diplomats.", "expel")
    assert ("NOR", "RUS") in _pairs(found)


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    # one country in the sentence: the uncoded side is of that country
    ("Egyptian police dispersed demonstrators in the capital.", "dispersed", ("EGY", "EGY")),
    ("President Ruto sacked the Kenyan interior minister.", "sacked", ("KEN", "KEN")),
    # a state's forces coerce unnamed people: the target is that state
    ("Turkish police detained 40 people on Friday.", "detained", ("TUR", "TUR")),
])
def test_events_roles_domestic(pipeline, text, trigger, pair):
    assert pair in _pairs(_pick(pipeline, text, trigger))


def test_events_roles_domestic_needs_a_single_country(pipeline):
    found = _pick(pipeline, "Egyptian police dispersed demonstrators near the Libyan embassy.", "dispersed")
    assert ("EGY", "EGY") not in _pairs(found)


def test_events_roles_detained_people_role_has_no_mention(pipeline):
    event = _pick(pipeline, "Turkish police detained 40 people on Friday.", "detained")[0]
    assert event.target is not None
    assert event.target.actor is None


def test_events_reported_must_is_a_demand(pipeline):
    event = _pick(pipeline, "Japan said that China must release the fishermen.", "release")[0]
    assert event.modality == "demanded"
    assert event.cameo.startswith("10")
    assert (event.source.code, event.target.code) == ("JPN", "CHN")


@pytest.mark.parametrize(("role", "codes", "ok"), [
    (Role("a1", "HAMAS", "REB"), ["PSE"], True),
    (Role("a1", "ALQAEDA", "REB"), ["IMG"], True),
    (Role("a1", "HAMAS", "REB"), ["ISR"], False),
    (Role("a1", "UN", "IGO"), ["IGO"], True),
])
def test_events_evaluate_group_compares_by_home(role, codes, ok):
    assert _role_ok(role, codes) is ok


def test_events_roles_it_is_never_a_person(pipeline):
    # "it" never stands for a person, so not for Blinken, the speaker named in the frame
    events = _pick(pipeline, "Blinken said the strike would be answered if Iran attacked it.", "attacked")
    assert _pairs(events) == {("IRN", None)}


def test_events_roles_it_takes_a_compatible_earlier_actor(pipeline):
    events = _pick(pipeline, "Israel would respond if Iran attacked it, Antony Blinken said.", "attacked")
    assert ("IRN", "ISR") in _pairs(events)


def test_events_roles_speech_verb_has_no_clause_subject_target(pipeline):
    events = pipeline.process("A senior Kenyan official said Ethiopia had broken ties with Libya.").events
    said = [e for e in events if e.trigger.text == "said"]
    assert all(e.target is None or e.target.code != "ETH" for e in said)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Iran denied it had fired missiles at Israel.", "fired"),
    ("Iran denied that its forces had fired missiles at Israel.", "fired"),
    ("Iran denied firing missiles at Israel.", "firing"),
])
def test_events_denied_event_is_negated(pipeline, text, trigger):
    assert all(e.negated for e in _pick(pipeline, text, trigger))


# --- Round 5: lists, nested and purpose targets, places, the source again ---------


@pytest.mark.parametrize(("text", "pairs"), [
    # the parser hangs a descriptive noun or a comma list as a second subject
    ("Old rivals Chile and Peru condemned Brazil.", {("CHL", "BRA"), ("PER", "BRA")}),
    ("Lions, tigers, and Bolivia condemned Brazil.", {("BOL", "BRA")}),
])
def test_events_roles_every_subject_of_the_verb(pipeline, text, pairs):
    assert pairs <= _pairs(_pick(pipeline, text, "condemned"))


def test_events_roles_list_members_through_apposition_and_modifier():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.events.roles.syntax import list_members

    # "Mordor, the Shire, Fornost and Bree": the list cut at "the Shire" (appos)
    words = ["Arda", ",", "the", "Shire", ",", "Bree", "and", "Rohan", "met"]
    heads = [8, 0, 3, 0, 3, 3, 5, 5, 8]
    deps = ["nsubj", "punct", "det", "appos", "punct", "conj", "cc", "conj", "ROOT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert [t.text for t in list_members(doc[0])] == ["Arda", "Shire", "Bree", "Rohan"]
    # a plain apposition renames: no member
    words = ["Rohan", ",", "the", "horse", "land", ",", "met"]
    heads = [6, 0, 4, 4, 0, 0, 6]
    deps = ["nsubj", "punct", "det", "compound", "appos", "punct", "ROOT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert [t.text for t in list_members(doc[0])] == ["Rohan"]


def test_events_roles_of_phrase_conjuncts_each_name_an_actor(pipeline):
    found = _pick(pipeline, "The ambassadors of Chile, Peru and Bolivia praised the Brazilian president.", "praised")
    assert {("CHL", "BRA"), ("PER", "BRA"), ("BOL", "BRA")} <= _pairs(found)


def test_events_roles_object_agent_is_the_target(pipeline):
    found = _pick(pipeline, "Chile condemned an attack by Peruvian soldiers in northern Bolivia.", "condemned")
    assert _pairs(found) == {("CHL", "PER")}


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    # nested: the actor inside a target preposition's object
    ("Ghana fired rockets at a border post in eastern Togo.", "fired", ("GHA", "TGO")),
    # purpose clause
    ("Kenya launched an operation to drive al-Shabab fighters from the forest.", "launched",
     ("KEN", "ALSHABAAB")),
])
def test_events_roles_nested_and_purpose_targets(pipeline, text, trigger, pair):
    assert pair in _pairs(_pick(pipeline, text, trigger))


def test_events_roles_purpose_clause_beats_the_place(pipeline):
    text = "Thousands of students marched in Lima to show their anger at Chile's policies."
    assert {e.target.code for e in _pick(pipeline, text, "marched") if e.target} == {"CHL"}


def test_events_roles_place_of_the_event_is_no_target(pipeline):
    # "in Nairobi" says where; the protesters (of Kenya, by the domestic rule) are the target
    found = _pick(pipeline, "Police in Kenya arrested dozens of protesters in Nairobi.", "arrested")
    assert {(e.target.code, e.target.sector) for e in found if e.target} == {("KEN", "CVL")}


def test_events_roles_domestic_rule_never_makes_the_source_its_own_target(pipeline):
    for event in _pick(pipeline, "Nigeria's army deployed troops along the border.", "deployed"):
        if event.target is not None:
            assert (event.target.code, event.target.sector) != (event.source.code, event.source.sector)


@pytest.mark.parametrize(("text", "trigger"), [
    # the actors stage coded "Croatian extremists": a real domestic event, kept
    ("Croatia is investigating Croatian extremists.", "investigating"),
    # a state's coercion of unnamed people keeps its unnamed domestic target
    ("Belarus arrested dozens of opposition activists on Sunday.", "arrested"),
])
def test_events_roles_real_domestic_target_stays(pipeline, text, trigger):
    found = _pick(pipeline, text, trigger)
    assert any(e.target is not None and e.target.code == e.source.code for e in found)


# Round 6 (real-news role rules; the README "Round 6").

@pytest.mark.parametrize(("text", "trigger", "pair"), [
    # the object of accuse/blame … does the gerund's act
    ("Pakistani officials accused India of providing weapons to the rebels.", "providing", ("IND", None)),
    ("Chile praised Peru for releasing the prisoners.", "releasing", ("PER", None)),
])
def test_events_roles_object_does_the_gerund(pipeline, text, trigger, pair):
    assert {e.source.code if e.source else None for e in _pick(pipeline, text, trigger)} == {pair[0]}


@pytest.mark.parametrize("text", [
    # other verbs keep their own subject: "took credit for attacking"
    "The Taliban took credit for attacking the Pakistani convoy.",
])
def test_events_roles_gerund_keeps_subject_without_object_verb(pipeline, text):
    found = _pick(pipeline, text, "attacking")
    assert {e.source.code for e in found if e.source} == {"TALIBAN"}


def test_events_roles_passive_participle_clause_takes_the_agent(pipeline):
    found = _pick(pipeline, "The rebels flee to Chad when attacked by Sudanese troops.", "attacked")
    assert {(e.source.code, e.source.sector) for e in found if e.source} == {("SDN", "MIL")}
    assert all(e.target is not None and e.target.sector == "REB" for e in found)


@pytest.mark.parametrize(("text", "trigger", "target"), [
    ("Iran faces new sanctions from the European Union.", "sanctions", ("IRN", None)),
    ("The Syrian government came under attack from rebels.", "attack", ("SYR", "GOV")),
    ("Ukraine remains under attack by Russian forces.", "attack", ("UKR", None)),
])
def test_events_roles_undergoer_is_the_target(pipeline, text, trigger, target):
    found = _pick(pipeline, text, trigger)
    assert {(e.target.code, e.target.sector) for e in found if e.target} == {target}
    assert all(e.source is None or (e.source.code, e.source.sector) != target for e in found)


def test_events_roles_possessor_of_a_patient_noun_is_the_target(pipeline):
    found = _pick(pipeline, "China condemned Navalny's arrest by Russian police.", "arrest")
    assert {(e.source.sector, e.target.sector) for e in found if e.source and e.target} == {("COP", "OPP")}


@pytest.mark.parametrize(("text", "source"), [
    # "confirmed X's killing": the confirmer did not kill; a "by" phrase names who did
    ("Peru confirmed Ortega's killing.", None),
    ("Peru confirmed Ortega's killing by Bolivian soldiers.", "BOL"),
])
def test_events_roles_patient_noun_source_not_from_a_heavy_verb(pipeline, text, source):
    found = _pick(pipeline, text, "killing")
    assert {e.source.code if e.source else None for e in found} == {source}
    assert all(e.target is not None for e in found)


@pytest.mark.parametrize(("text", "trigger", "absent"), [
    # the source's own state named by a place is not its target
    ("China will convene a meeting in Beijing with Iran and Russia.", "convene", "CHN"),
    ("Tehran rejected the proposal from Iran's parliament.", "rejected", None),
    ("The Chinese foreign ministry spokesman rejected the reports in Beijing.", "rejected", "CHN"),
    ("Vietnam warned against hospital care in Vietnam.", "warned", "VNM"),
])
def test_events_roles_own_seat_is_no_target(pipeline, text, trigger, absent):
    for event in _pick(pipeline, text, trigger):
        if event.target is not None and absent is not None:
            assert event.target.code != absent
        if absent is None and event.target is not None:
            # the parliament is an organ, not the seat: it stays
            assert event.target.sector == "LEG"


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    # a non-state source does target its own capital; a coercion keeps its place
    ("Kenyan farmers said they would blockade Nairobi.", "blockade", ("KEN", "KEN")),
    ("Turkish authorities imposed a curfew in the town of Cizre in southeastern Turkey.", "imposed", ("TUR", "TUR")),
])
def test_events_roles_own_seat_kept_when_real(pipeline, text, trigger, pair):
    assert pair in _pairs(_pick(pipeline, text, trigger))


@pytest.mark.parametrize(("text", "trigger"), [
    ("Gunmen laid siege to a hotel in the town of Beledweyne.", "laid"),
])
def test_events_roles_uncoded_place_is_no_target(pipeline, text, trigger):
    assert all(e.target is None for e in _pick(pipeline, text, trigger))


@pytest.mark.parametrize(("text", "trigger", "domestic"), [
    # a state's coercion of a thing has no unnamed target of its own country
    ("The United States imposed similar measures.", "imposed", False),
    ("Belarus jailed him.", "jailed", True),
])
def test_events_roles_unnamed_target_needs_people(pipeline, text, trigger, domestic):
    found = _pick(pipeline, text, trigger)
    assert any(e.target is not None for e in found) is domestic


@pytest.mark.parametrize(("text", "trigger", "pairs"), [
    # the subject's own uncoded agents ("their ambassadors") are no target
    ("Egypt and Turkey withdrew their ambassadors from each other's capitals.", "withdrew",
     {("EGY", "TUR"), ("TUR", "EGY")}),
])
def test_events_roles_own_agents_are_no_target(pipeline, text, trigger, pairs):
    assert _pairs(_pick(pipeline, text, trigger)) == pairs


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    # an official with a title but no country serves the sentence's only state
    ("Prime Minister Tomasz Wolny accused Poland's opposition party of sabotage.", "accused", ("POL", "POL")),
    ("Interior Minister Sara Lund vowed to expel foreign extremists from Norway.", "expel", ("NOR", "NOR")),
    ("President Amadou Keita threatened to impose a curfew after riots in Mali.", "threatened", ("MLI", None)),
    # … and then the uncoded other side is of that state too (the domestic rule)
    ("President Amadou Keita rejected the demands of trade unions in Mali.", "rejected", ("MLI", "MLI")),
    # two states named: the official stays uncoded
    ("President Amadou Keita condemned Ghana and Togo.", "condemned", (None, "GHA")),
    ("Finance Minister Ravi Kumar praised Nepal and Bhutan for the trade deal.", "praised", (None, "BTN")),
])
def test_events_roles_titled_official_takes_the_only_state(pipeline, text, trigger, pair):
    assert pair in _pairs(_pick(pipeline, text, trigger))


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    # the one threatened is whoever must meet the threat's condition
    ("Chile threatened to leave the trade talks if Peru raises its tariffs.", "threatened", ("CHL", "PER")),
    ("Ghana threatened to expel the diplomats unless Togo withdraws its troops.", "threatened", ("GHA", "TGO")),
    # the threatened act happens in a place of the target
    ("Chile threatened to impose a curfew in Lima.", "threatened", ("CHL", "PER")),
])
def test_events_roles_threat_targets_the_condition_or_the_place(pipeline, text, trigger, pair):
    assert pair in _pairs(_pick(pipeline, text, trigger))


def test_events_roles_passive_patient_with_a_nested_actor(pipeline):
    text = "A camp for Togolese refugees was attacked by Ghanaian militiamen."
    assert ("GHA", "TGO") in _pairs(_pick(pipeline, text, "attacked"))


def test_events_roles_demand_noun_targets_the_clause_subject(pipeline):
    text = "The African Union repeated its demand that Kenya release the prisoners."
    assert {e.target.code for e in _pick(pipeline, text, "demand") if e.target} == {"KEN"}


def test_events_reported_must_with_conjoined_subjects(pipeline):
    # the demand's target list is not the symmetric "A and B agreed" case
    text = "The United Nations said Chile and Peru must ensure security along the border."
    found = _pick(pipeline, text, "ensure")
    assert {(e.source.code, e.target.code) for e in found} >= {("UN", "CHL"), ("UN", "PER")}


def test_events_roles_complaint_targets_what_it_is_about(pipeline):
    text = "Ghana complained to the United Nations over Togolese air raids on its border villages."
    assert ("GHA", "TGO") in _pairs(_pick(pipeline, text, "complained"))


def test_events_roles_agent_of_the_objects_participle(pipeline):
    text = "Chile condemned the bombing carried out by Peruvian soldiers."
    assert ("CHL", "PER") in _pairs(_pick(pipeline, text, "condemned"))


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    ("Chile announced a suspension of air links with Peru.", "suspension", ("CHL", "PER")),
    ("Kenyan activists staged a march in protest against abuses by Ugandan troops.", "staged", ("KEN", "UGA")),
])
def test_events_roles_noun_target_nested_in_its_object(pipeline, text, trigger, pair):
    assert pair in _pairs(_pick(pipeline, text, trigger))


def test_events_roles_commanded_act_is_the_commanders(pipeline):
    text = "The Bolivian government ordered the newspaper La Razon to suspend publication."
    found = _pick(pipeline, text, "suspend")
    assert {(e.source.code, e.source.sector) for e in found} == {("BOL", "GOV")}
    assert {e.target.sector for e in found if e.target} == {"MED"}


def test_events_roles_nested_target_skips_places_near_it(pipeline):
    text = "Malian soldiers repelled an attack on a post near the border with Niger."
    assert all(e.target is None or e.target.code != "NER" for e in _pick(pipeline, text, "attack"))


def test_events_defending_against_criticism_is_verbal(pipeline):
    found = _pick(pipeline, "Chile defended Peru against criticism of its mining laws.", "defended")
    assert {e.cameo[:2] for e in found} == {"05"}


def test_events_roles_stance_noun_names_the_target(pipeline):
    text = "Peruvian farmers blocked roads in Lima in defiance of the Chilean government."
    assert ("PER", "CHL") in _pairs(_pick(pipeline, text, "blocked"))


@pytest.mark.parametrize("text", [
    # the parser hangs "in central Togo" on the verb, not on the facility
    "Ghana sent inspectors to the Kara Cement Works in central Togo.",
])
def test_events_roles_uncoded_body_takes_the_state_it_is_in(pipeline, text):
    assert ("GHA", "TGO") in _pairs(_pick(pipeline, text, "sent"))


@pytest.mark.parametrize(("text", "trigger", "pair"), [
    # an intent-family act (03x) asked of someone is a demand too
    ("Chilean rebels announced that the Chilean government must agree to constitutional changes.",
     "agree", ("CHL", "CHL")),
    # "concluded that … must" reports an obligation like "said that … must"
    ("The African Union concluded that Kenya must allocate more funds to the refugee camps.",
     "allocate", ("AU", "KEN")),
])
def test_events_reported_must_is_a_demand_more(pipeline, text, trigger, pair):
    found = _pick(pipeline, text, trigger)
    assert all(e.cameo.startswith("10") for e in found)
    assert pair in _pairs(found)


def test_events_roles_light_verb_carries_the_nouns_target(pipeline):
    # the parser hangs "against …" on "staged", not on "rallies"
    text = "Angry Peruvian students resumed protests in Lima against the Chilean ambassador."
    assert _pairs(_pick(pipeline, text, "protests")) == {("PER", "CHL")}


@pytest.mark.parametrize(("text", "trigger", "demanded"), [
    ("Peru insisted that Chile withdraw its troops.", "withdraw", True),
    ("Peru insisted that Chile should withdraw its troops.", "withdraw", True),
    # a statement of fact in the clause is no demand
    ("Chile insists it is committed to peace with Peru.", "committed", False),
])
def test_events_demand_clause_must_be_mandative(pipeline, text, trigger, demanded):
    assert all((e.modality == "demanded") is demanded for e in _pick(pipeline, text, trigger))


@pytest.mark.parametrize(("text", "trigger", "not_target"), [
    ("Kenya denied providing sanctuary to anti-Somali fighters.", "sanctuary", "SOM"),
    # a possessive pronoun deep in the object is not resolved by guessing
    ("Peru said it would respond to any threats to its security.", "threats", "PER"),
])
def test_events_roles_nested_search_skips_guesses(pipeline, text, trigger, not_target):
    for event in _pick(pipeline, text, trigger):
        assert event.target is None or event.target.code != not_target


def test_events_roles_demand_noun_clause_hung_on_the_verb(pipeline):
    # the parser attaches "that Kenya ease …" to "reiterated", not to "demand"
    text = "The African Union (AU) reiterated its demand today that Kenya ease restrictions on aid workers."
    assert {e.target.code for e in _pick(pipeline, text, "demand") if e.target} == {"KEN"}


def test_events_roles_protest_noun_target_in_its_participle(pipeline):
    text = "Peruvian students rioted after a demonstration calling for the removal of the Chilean ambassador."
    found = [e for e in pipeline.process(text).events if e.plover == "PROTEST"]
    assert ("PER", "CHL") in _pairs(found)
