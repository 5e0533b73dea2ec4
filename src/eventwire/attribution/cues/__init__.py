"""Cues and reported speech over the dependency parse.

A cue is a word from the cue lexicon (``data/attribution/cues.tsv``: verbs, nouns,
adjectives that head gold cues in PolNeAR's train split) together with its
particles. For each cue the rules find:

- content: the clause the cue governs (``ccomp``, ``xcomp`` for wanting/planning
  and sure speech verbs, ``that``-clauses of nouns), else its object when the verb
  and object report something (``data/attribution/cue_objects.tsv``: "released a
  statement", not "released prisoners"), else a prepositional object ("pointed to
  X"), else a passive subject; for a short speech-verb clause that comments on the
  clause it hangs from ("X is true, he said"), that clause;
- source: the cue's subject as written ("he", "who", "the official"), inherited
  from the governing verb for conjoined and gerund cues ("…, saying that …"), or
  the ``by``-agent of a passive; ``according to X`` gives X.

One module per construction:

- :mod:`.verb` cue verbs, :mod:`.noun` cue nouns and adjectives, :mod:`.according`
  "according to X", :mod:`.phrase` phrase cues ("raised questions about X");
- :mod:`.source` the source of a cue verb; :mod:`.content` cutting a content span;
- :mod:`.syntax` shared syntax and span helpers (paragraphs, subjects, merging);
- :mod:`.lexicon` the cue lexicons; :mod:`.match` the :class:`CueMatch` record;
- :mod:`.finder` :class:`CueFinder`, which tries the rules on every token.

Offsets are character offsets into the parser's text (== ``article.text``).
"""

from __future__ import annotations

from eventwire.attribution.cues.finder import CueFinder
from eventwire.attribution.cues.lexicon import coarse_pos, load_lexicon
from eventwire.attribution.cues.match import CueMatch, Span, Spans
from eventwire.attribution.cues.syntax import merge_spans, paragraph_ids, speaker_subject

__all__ = [
    "CueFinder", "CueMatch", "Span", "Spans", "coarse_pos", "load_lexicon", "merge_spans",
    "paragraph_ids", "speaker_subject",
]
