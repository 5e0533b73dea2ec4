"""Properties: any text gives exact spans; any bytes give an Article or a ReadError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire import schema
from eventwire.clean import find_excluded, nlp_text
from eventwire.errors import ReadError
from eventwire.io import read_bytes
from eventwire.model import Article

# Text with the things that break offsets: CRLF, emoji, combining marks, curly quotes.
pieces = st.sampled_from([
    "Iran", "Israel", " threatened ", "the US", "“", "”", '"', "\r\n", "\n\n", "é", "e\u0301",
    "🇺🇸", "👍🏽", " said.", "By Ann Lee", "(AP/Jo Doe)", "KYIV —", "\t", " ", "NATO", "\u200b",
])
texts = st.lists(st.one_of(pieces, st.text(max_size=8)), max_size=40).map("".join)


@given(texts)
@settings(max_examples=200, deadline=None)
def test_properties_excluded_regions_index_the_text(text):
    for region in find_excluded(text):
        assert 0 <= region.start < region.end <= len(text)
        assert text[region.start : region.end].strip() == text[region.start : region.end]


@given(texts)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_properties_pipeline_spans_are_exact(pipeline, text):
    result = pipeline.process(Article(text=text or " "))
    assert len(nlp_text(result.article)) == len(result.article.text)
    assert schema.errors(result.to_dict()) == []


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_properties_any_bytes_give_article_or_error(data):
    for item in read_bytes(data, "<fuzz>"):
        assert isinstance(item, (Article, ReadError))
        if isinstance(item, ReadError):
            assert item.origin.startswith("<fuzz>")
