"""The ``eventwire`` command line: a thin layer over the Python API.

Every module in this package registers its commands on :data:`app.app`; they are
imported here so that ``eventwire --help`` lists them all.
"""

from __future__ import annotations

import importlib
import pkgutil

from eventwire.cli.app import app

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "app":
        importlib.import_module(f"{__name__}.{_module.name}")


def main() -> None:
    """Entry point of the ``eventwire`` script."""
    app()


__all__ = ["app", "main"]
