"""Role rules of the events stage, each on invented sentences (see docs/events.md)."""

from __future__ import annotations

import pytest

from eventwire.evaluate.events import _role_ok
from eventwire.model import Role


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
