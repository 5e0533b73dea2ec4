"""Negation and modality scope, stative intent and container nouns, on invented sentences."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pipeline(rules_pipeline):
    """Every event the rules make: these tests check rules, not the confidence floor."""
    return rules_pipeline


def _pick(pipeline, text, trigger):
    events = pipeline.process(text).events
    found = [e for e in events if e.trigger.text == trigger]
    return found, [(e.trigger.text, e.cameo) for e in events]


def _pair(event):
    return (event.source.code if event.source else None, event.target.code if event.target else None)


@pytest.mark.parametrize(("text", "trigger"), [
    # an event inside a noun phrase headed by "no …" is not asserted either
    ("Peru said no talks about a shipment of military aid to Chile had taken place.", "aid"),
    ("Officials said no discussions regarding military aid to Bolivia had taken place.", "aid"),
    # the subject of a clause a denying verb governs
    ("France denied that talks with Syria had taken place.", "talks"),
])
def test_events_scope_negated_noun_phrase(pipeline, text, trigger):
    found, seen = _pick(pipeline, text, trigger)
    assert found, seen
    assert all(e.negated for e in found)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Chile sent military aid to Peru.", "sent"),
    ("Chile expressed concern over the attack on Peru.", "attack"),
    ("Peru said talks with Chile had taken place.", "talks"),
])
def test_events_scope_not_negated_without_negator(pipeline, text, trigger):
    found, seen = _pick(pipeline, text, trigger)
    assert found, seen
    assert not any(e.negated for e in found)
    assert all(e.modality == "asserted" for e in found)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Norway said the treaty reduces the need for a military attack on Sweden.", "attack"),
    ("Egypt voiced concerns that arms sales from Britain to Qatar could erode its edge.", "sales"),
    ("Chile dismissed fears that Peru would impose sanctions on Bolivia.", "impose"),
])
def test_events_scope_hypothetical(pipeline, text, trigger):
    found, seen = _pick(pipeline, text, trigger)
    assert found, seen
    assert all(e.modality == "hypothetical" for e in found)


@pytest.mark.parametrize(("text", "pair"), [
    ("Japan is committed to maintaining Egypt's military edge.", ("JPN", "EGY")),
    ("Japan is not only committed to maintaining Egypt's military edge, but would also "
     "defend it in the event of an attack, an official told reporters.", ("JPN", "EGY")),
])
def test_events_scope_stative_intent(pipeline, text, pair):
    found, seen = _pick(pipeline, text, "committed")
    assert found, seen
    assert _pair(found[0]) == pair
    assert found[0].modality == "intended"
    assert not found[0].negated  # "not only" is no negation


def test_events_scope_container_noun_defers_to_inner_event(pipeline):
    text = "Chile said a compensation package of military aid to Peru for the Bolivian deal was ready."
    events = pipeline.process(text).events
    codes = {(e.trigger.text, e.cameo) for e in events}
    assert not any(trigger == "package" for trigger, _ in codes), codes
    aid = [e for e in events if e.trigger.text == "aid"]
    assert aid, codes
    assert aid[0].target is not None
    assert aid[0].target.code == "PER"

