"""Loading YAML that someone else wrote (article front matter, ledger files) without letting
it cost the run: no aliases or anchors (a "billion laughs" block expands to gigabytes),
nesting capped, no implicit timestamps (a date like ``2023-02-30`` must be reported by the
caller as a bad date, not crash the parser), and libyaml's C parser where it is installed
(about 10 times faster on front matter). Every failure is one :class:`YamlProblem`."""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 32
"""Front matter and decisions are flat records with a list or two; 32 levels of nesting
is far beyond any of them, and far below what would exhaust the stack."""

_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BASE):  # type: ignore[misc]  # the base is chosen at run time (C or Python)
    """The safe loader without the YAML 1.1 timestamp rule: dates stay strings, and the
    caller parses them with a message that names the field."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in rules if tag != "tag:yaml.org,2002:timestamp"]
    for first, rules in _BASE.yaml_implicit_resolvers.items()
}


class _UniqueLoader(_Loader):
    """:class:`_Loader` that refuses a key written twice in one mapping: the ledger must not
    silently take the last of two decisions written into one file."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        seen: set[tuple[str, str]] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key_node.value!r} is written twice", key_node.start_mark
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


class YamlProblem(ValueError):
    """YAML that factcheck refuses, with a one-line reason (and the line, when known)."""


def _where(mark: Any, line_offset: int) -> str:
    return f" (line {mark.line + 1 + line_offset})" if mark is not None else ""


def _check_events(text: str, max_depth: int, line_offset: int) -> None:
    # libyaml's parser and PyYAML's are both iterative state machines, so walking the
    # events is safe at any depth; composing a node tree is not (it recurses)
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise YamlProblem(f"anchors and aliases ('&', '*') are not allowed{_where(event.start_mark, line_offset)}")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise YamlProblem(f"nested more than {max_depth} levels deep{_where(event.start_mark, line_offset)}")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load(text: str, max_depth: int = MAX_DEPTH, line_offset: int = 0, unique_keys: bool = False) -> object:
    """The data in ``text``, or :class:`YamlProblem` saying in one line why not.
    ``line_offset`` is added to line numbers (front matter starts on line 2 of a file);
    with ``unique_keys``, a key written twice in a mapping is refused.

    >>> load("published: 2023-09-01\\ncount: 57")
    {'published': '2023-09-01', 'count': 57}
    >>> load("a: &x [1]\\nb: *x")
    Traceback (most recent call last):
    ...
    factcheck.safeyaml.YamlProblem: anchors and aliases ('&', '*') are not allowed (line 1)
    >>> load("note: a\\nnote: b", unique_keys=True)
    Traceback (most recent call last):
    ...
    factcheck.safeyaml.YamlProblem: the key 'note' is written twice (line 2)
    """
    try:
        _check_events(text, max_depth, line_offset)
        return yaml.load(text, Loader=_UniqueLoader if unique_keys else _Loader)  # noqa: S506  # both are SafeLoaders
    except YamlProblem:
        raise
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise YamlProblem(f"{problem}{_where(mark, line_offset)}") from err
    except (ValueError, TypeError, OverflowError, RecursionError, MemoryError) as err:
        # explicit tags (``!!timestamp 2023-02-30``, ``!!int 1e999``) reach constructors
        # that raise plain Python errors
        raise YamlProblem(f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else 'invalid value'}") from err
