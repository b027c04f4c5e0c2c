"""Text from articles made safe for where a report goes. An article's outlet, title, id or
sentence may hold control characters: on a terminal an escape sequence retitles the window
or hides lines, a bidirectional override reorders the line around it; in XML most control
characters are not allowed at all and make the file unreadable. Each is shown as a visible
escape (``\\x1b``, ``\\u202e``) rather than dropped, so a reader sees that it was there."""

from __future__ import annotations

import re

_TERMINAL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""C0 controls but the tab (a line break inside a field would start a line that is not the
report's), DEL, C1 controls (0x9b opens a sequence on some terminals), the bidirectional
marks and overrides, and the Unicode line and paragraph separators."""

_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 does not allow anywhere in a document (lone surrogates included)."""


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """``text`` with every character that would act on a terminal shown as an escape.

    >>> terminal("AP\\x1b]0;owned\\x07 news\\tdesk")
    'AP\\\\x1b]0;owned\\\\x07 news\\tdesk'
    >>> terminal("Reuters\\u202e")
    'Reuters\\\\u202e'
    """
    return _TERMINAL.sub(_visible, text)


def xml(text: str) -> str:
    """``text`` with every character XML 1.0 does not allow shown as an escape; applied to
    a whole serialised document, since none of them may appear in markup either.

    >>> xml('<testcase name="doc\\x01"/>')
    '<testcase name="doc\\\\x01"/>'
    """
    return _XML.sub(_visible, text)
