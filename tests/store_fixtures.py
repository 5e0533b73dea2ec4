"""Hand-built results shared by the store and export tests (imported as a plain module:
``tests/`` is on ``sys.path`` through pyproject's ``pythonpath``)."""

from __future__ import annotations

from eventwire.model import Actor, Article, Attribution, Event, Result, Role, Source, Span

#: A long, different ending: enough new word 3-shingles to make another story.
ELSEWHERE = " ".join(f"town{i}" for i in range(80))

STORY = (
    "{city} — A senior American official said on {day} that the United States would defend "
    "Israel against an Iranian attack. \"We will defend you,\" he said. Iran condemned the "
    "remarks and the Iranian army said it fired missiles at a target in {place}."
)


def make_result(
    *, city: str = "JERUSALEM", day: str = "Monday", place: str = "the desert",
    published: str | None = "2015-08-03", id: str | None = None,
) -> Result:
    """An invented article with two actors, a quote and two events, offsets computed."""
    text = STORY.format(city=city, day=day, place=place)

    def span(piece: str, after: int = 0) -> Span:
        start = text.index(piece, after)
        return Span.of(text, start, start + len(piece))

    official, israel, iran = span("A senior American official"), span("Israel"), span("Iran condemned")
    iran = Span.of(text, iran.start, iran.start + 4)
    army = span("the Iranian army")
    actors = (
        Actor("a1", official.text, official.start, official.end, code="USA", sector="GOV",
              kind="person", name="United States", anonymous=True),
        Actor("a2", israel.text, israel.start, israel.end, code="ISR", name="Israel"),
        Actor("a3", iran.text, iran.start, iran.end, code="IRN", name="Iran"),
        Actor("a4", army.text, army.start, army.end, code="IRN", sector="MIL", name="Iran"),
        Actor("a5", "he", text.index("he said"), text.index("he said") + 2, kind="person",
              anonymous=True, refers_to="a1"),
    )
    quote_start = text.index('"We')
    quote = Attribution(
        "q1", "direct", Span.of(text, quote_start, text.index('"', quote_start + 1) + 1),
        source=Source("he", actors[4].start, actors[4].end, actor="a5", anonymous=True),
        cue=span("said", text.index("he said")),
    )
    defend = span("defend", quote_start)
    fired = span("fired")
    events = (
        Event("e1", "0334", "Provide military protection", "AID", 2, 7.2, defend,
              Span.of(text, quote_start, quote.content.end), source=Role("a5", "USA", "GOV"),
              target=Role("a2", "ISR", None), modality="intended", attribution="q1"),
        Event("e2", "195", "Employ aerial weapons", "ASSAULT", 4, -9.5, fired,
              Span.of(text, text.index("Iran condemned"), len(text)), source=Role("a4", "IRN", "MIL"),
              target=None),
    )
    article = Article(text=text, id=id, title=f"Story from {city}", published=published,
                      url=f"https://example.org/{city.lower()}", outlet=city.title())
    return Result(article, actors, (quote,), events)
