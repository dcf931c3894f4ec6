"""The built-in knowledge, loaded once for the whole test session, and `bind`
to call a stage function with it (the library keeps no module-level copy:
every stage takes the knowledge explicitly)."""

from __future__ import annotations

import functools
from typing import Any, Callable

from claimscope import load_knowledge

K = load_knowledge()


def bind(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn` with ``knowledge=K``."""
    return functools.partial(fn, knowledge=K)
