"""The clean stage lists non-body regions without cutting them out."""

from __future__ import annotations

import pytest

from eventwire.clean import find_excluded, layout, nlp_text, paragraphs
from eventwire.model import Article


def _kinds(text, **kw):
    return [(e.kind, text[e.start : e.end]) for e in find_excluded(text, **kw)]


def test_clean_finds_each_kind(fixtures):
    text = (fixtures / "plain.txt").read_text()
    assert _kinds(text) == [
        ("headline", "Ruritania and Freedonia sign border pact, ministers say"),
        ("byline", "By Anna Field, Eventwire Test Desk"),
        ("dateline", "GENEVA (Eventwire) —"),
        ("caption", "Delegates shake hands."),
        ("credit", "(Photo: Ben Ross/Eventwire)"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("Border crossing", "label"),
        ("NATO", "label"),
        ("Soldiers patrol the frontier. (AP/Sam Lee)", "credit"),
        ("Tanks at a parade. (Reuters)", "credit"),
        ("MOSCOW, March 3 (Reuters) - Russia said on Monday it would respond.", "dateline"),
        ("KYIV — Ukraine said on Monday it had shot down drones.", "dateline"),
        ("ISLAMABAD/WASHINGTON — Pakistan said on Monday it would respond.", "dateline"),
    ],
)
def test_clean_detects_kind_after_headline(paragraph, kind):
    text = f"A headline about the world today\n\n{paragraph}\n\nBody text continues here."
    assert kind in [k for k, _ in _kinds(text)]


@pytest.mark.parametrize(
    "paragraph",
    ["The minister said the talks would go on.", "“We will not accept this,” he said.",
     "By the end of the week, the army had withdrawn from the town, officials said."],
)
def test_clean_keeps_body_text(paragraph):
    text = f"Headline words here today\n\n{paragraph}"
    assert _kinds(text) == [("headline", "Headline words here today")]


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Another title", []), ("Iran missile test alarms region", [("headline", "Iran missile test alarms region")])],
)
def test_clean_given_title_marks_headline_only_when_repeated(title, expected):
    assert _kinds("Iran missile test alarms region\n\nBody.", title=title) == expected


def test_clean_one_paragraph_per_line_without_blank_lines():
    text = "Mali expels diplomats\nBAMAKO — Mali expelled two diplomats on Tuesday.\nMore body text."
    assert _kinds(text, title="Mali expels diplomats") == [
        ("headline", "Mali expels diplomats"), ("dateline", "BAMAKO —")]


def test_clean_layout_sets_title_and_byline(fixtures):
    article = layout(Article(text=(fixtures / "plain.txt").read_text()))
    assert article.title.startswith("Ruritania and Freedonia")
    assert article.byline == "By Anna Field, Eventwire Test Desk"


def test_clean_nlp_text_blanks_all_but_headline(fixtures):
    article = layout(Article(text=(fixtures / "plain.txt").read_text()))
    masked = nlp_text(article)
    assert len(masked) == len(article.text)
    assert "Ruritania" in masked
    assert "Anna Field" not in masked
    assert "Ben Ross" not in masked
    assert masked.count("\n") == article.text.count("\n")


def test_clean_paragraphs_handle_crlf_and_blank_lines():
    text = "One\r\nstill one\r\n\r\n  Two  \r\n\r\n\r\nThree"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One\r\nstill one", "Two", "Three"]
