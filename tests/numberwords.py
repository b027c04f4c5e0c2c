"""English number words for the parse-back tests, written as news text writes them ("two
thousand seven hundred", "fifty-seven", "one hundred and five"). The tests used inflect's
``number_to_words`` until inflect left the dependencies (issue 19): its start-up cost
through typeguard was paid by every CLI call."""

from __future__ import annotations

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((1_000_000_000, "billion"), (1_000_000, "million"), (1000, "thousand"))


def _below_thousand(n: int, joined: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [f"{_UNITS[hundreds]} hundred"] if hundreds else []
    if rest:
        if hundreds or joined:
            parts.append("and")
        tens, unit = divmod(rest, 10)
        parts.append(_UNITS[rest] if rest < 20 else _TENS[tens] + (f"-{_UNITS[unit]}" if unit else ""))
    return " ".join(parts)


def number_to_words(n: int) -> str:
    """``n`` (0 to 999,999,999,999) in English words.

    >>> number_to_words(2700), number_to_words(57), number_to_words(1_000_105)
    ('two thousand seven hundred', 'fifty-seven', 'one million one hundred and five')
    """
    if n == 0:
        return "zero"
    parts: list[str] = []
    for size, name in _SCALES:
        if n >= size:
            count, n = divmod(n, size)
            parts.append(f"{_below_thousand(count, False)} {name}")
    if n:
        parts.append(_below_thousand(n, bool(parts) and n < 100))
    return " ".join(parts)
