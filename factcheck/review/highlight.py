"""Article text as HTML with spans marked: everything escaped, marks added around offsets."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape


def highlight(text: str, spans: Sequence[tuple[int, int, str]]) -> Markup:
    """``text`` escaped, with ``<mark class=...>`` around each (start, end, class) span.

    >>> str(highlight("<b>57</b> guards", [(3, 5, "figure")]))
    '&lt;b&gt;<mark class="figure">57</mark>&lt;/b&gt; guards'
    """
    out: list[str] = []
    at = 0
    for start, end, cls in sorted((s for s in spans if 0 <= s[0] < s[1] <= len(text)), key=lambda s: s[0]):
        if start < at:
            continue  # overlapping spans: keep the first
        out.append(str(escape(text[at:start])))
        out.append(f'<mark class="{escape(cls)}">{escape(text[start:end])}</mark>')
        at = end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))
