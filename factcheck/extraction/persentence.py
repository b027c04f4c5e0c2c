"""Steps that read only their sentence, answered once per sentence: the composer asks them
for each figure of a sentence in turn ("does the sentence name a facility, and of which
kinds?"), and a sentence of eight figures asked eight times. The answer is kept with the
sentence last asked about (held, so that no other sentence takes its identity meanwhile)
and given again while the same sentence, with the same tokens, asks."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from .sentence import Sentence

_T = TypeVar("_T")


def per_sentence(step: Callable[[Sentence], _T]) -> Callable[[Sentence], _T]:
    """``step`` of a sentence computed once while the same sentence asks in turn: for a
    pure step of the sentence's own tokens and language (its answer is shared, so it must
    be immutable).

    >>> calls = []
    >>> @per_sentence
    ... def length(sent):
    ...     calls.append(sent.index)
    ...     return len(sent.tokens)
    >>> s = Sentence("Hubo 3 muertos.", 0, 15, 0, "es", [])
    >>> length(s), length(s), calls
    (0, 0, [0])
    """
    last: list[object] = [None, None, None]

    @wraps(step)
    def once(sent: Sentence) -> _T:
        if last[0] is sent and last[1] is sent.tokens:
            return last[2]  # type: ignore[return-value]
        value = step(sent)
        last[0], last[1], last[2] = sent, sent.tokens, value
        return value

    return once
