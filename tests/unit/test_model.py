"""Records keep text and offsets together and serialise to the contract."""

from __future__ import annotations

import pytest

from eventwire.model import Article, Span, text_id


@pytest.mark.parametrize(("start", "end"), [(0, 4), (5, 10), (3, 3)])
def test_model_span_of_cuts_exact_text(start, end):
    text = "Iran threatens Israel"
    span = Span.of(text, start, end)
    assert text[span.start : span.end] == span.text


def test_model_article_key_is_id_or_text_hash():
    assert Article(text="abc", id=0).key == 0
    assert Article(text="abc").key == text_id("abc") == Article(text="abc").to_dict()["id"]
    assert len(text_id("abc")) == 16


def test_model_article_to_dict_has_contract_fields():
    data = Article(text="x", id="a").to_dict()
    assert set(data) == {"id", "title", "byline", "outlet", "published", "url", "text", "excluded", "origin"}
