"""Archived documents kept in memory between checks: each document's claims, parsed, and
each claim's own facet (``reconciliation.keys.facet``: what the claim says, before the
other claims of a block give it a copy group or a main country). A process that checks
many drafts (a service, ``check_each``) reads and prepares a block's documents once: drafts
about one incident reach mostly the same archived documents.

An entry is keyed by the document's content hash, never by its row: a document replaced
by another version (another hash) is another entry, even in another process, and an
entry's claims are frozen records that no check changes. An entry pushed out is still
found while a kept block (``kept_block``) holds it."""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Claim
from ..reconciliation.copies import KeptCopies
from ..reconciliation.keys import Facet, facet
from ..reconciliation.pairkeys import KeptJudgements
from .blocking import UNDATED, month_of
from .kept_block import KeptBlocks

DEFAULT_CLAIMS = 50_000
"""How many archived claims an :class:`~factcheck.archive.Archive` keeps in memory unless
told otherwise: about 450 MiB (a parsed claim and its facet take about 9 KiB), a dozen
blocks of a typical check (3,700 claims at the median)."""

PAIRS_PER_CLAIM = 10
"""How many pairs of documents' copy tests (``KeptCopies.pairs``), and how many verdicts on
pairs of claims (``KeptJudgements``), a cache keeps per claim it may keep, before it
forgets them all: a check judges about 17,500 pairs of documents of its 3,700 claims, and
a pair takes about 100 bytes (50 MiB for the default 50,000 claims); the largest checks
judge tens of thousands of pairs of claims."""


BLOCKS_PER_CLAIM = 2
"""How many claims of kept blocks (``kept_block``) a cache keeps per claim it may keep: the
drafts of a process reach blocks that share most of their documents, so the blocks hold
more claims than the documents do."""


def _ID(c: Claim) -> str:
    return c.id


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Entry:
    """One archived document as a check reads it: its claims in text order and each
    claim's own facet by claim id (None for a claim the reconciler compares with nothing)."""

    claims: tuple[Claim, ...]
    facets: dict[str, Facet | None]
    digest: str = ""
    """The document's content hash."""
    undated: tuple[Claim, ...] = ()
    """Its claims of no month (``blocking.month_of``), whose own keys retrieval probes too."""
    by_id: tuple[Claim, ...] = ()
    """Its claims in claim id order: a block's claims are sorted by id, and runs already in
    order make that sort one pass."""


class BlockCache:
    """Documents' entries by content hash, the least recently used dropped first once more
    than ``limit`` claims are kept (0 keeps nothing).

    >>> from factcheck.extraction import extract_text
    >>> cache = BlockCache(limit=1)
    >>> e = cache.put("h1", extract_text("Police said 40 people were killed on Monday.", "a"))
    >>> [f.key for f in e.facets.values() if f], cache.get("h1") is e
    (['killed|person|count|-|'], True)
    >>> _ = cache.put("h2", extract_text("Officials said 12 people were killed.", "b"))
    >>> cache.get("h1") is None, len(cache)
    (True, 1)
    """

    def __init__(self, limit: int = DEFAULT_CLAIMS) -> None:
        if limit < 0:
            raise ValueError(f"a cache of {limit} claims: give 0 (none) or more")
        self.limit = limit
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._size = 0
        # the entries a kept block took (``KeptBlocks``' ``hold``), while one holds them: a
        # block's documents pushed out by other blocks' are found here while the block is
        # kept, not read and parsed again (their claims are alive anyway: the kept block's
        # facets hold them)
        self._alive: weakref.WeakValueDictionary[str, Entry] = weakref.WeakValueDictionary()
        # copy detection's results by content hash (``KeptCopies``): each kept document's
        # sentences and figures, dropped with it, and pairs' sentence tests
        self._copy_documents: dict[str, tuple[list[str], list[str]]] = {}
        self._copy_pairs: dict[tuple[str, str], bool] = {}
        self._copy_sequences: dict[tuple[str, str], bool] = {}
        # verdicts on pairs of claims (``pairkeys.KeptJudgements``), by what the pair reads:
        # a check meets again the pairs of archived claims an earlier draft's check judged
        self.judged = KeptJudgements(PAIRS_PER_CLAIM * limit) if limit else None
        # the steps over a whole block computed for its archived documents (``kept_block``),
        # by the block's documents: a draft checked again, or another whose retrieval reaches
        # the same documents, adds its own documents to them. A kept block takes about 1 KiB
        # a claim (its facets, mostly shared between the steps' tables), a ninth of a kept
        # document's, so blocks of twice as many claims as the documents cost a fifth more
        self.blocks = KeptBlocks(BLOCKS_PER_CLAIM * limit, self._held) if limit else None

    def __len__(self) -> int:
        """How many claims are kept."""
        return self._size

    def get(self, digest: str) -> Entry | None:
        """The entry of the document with this content hash, if kept."""
        entry = self._entries.get(digest)
        if entry is not None:
            self._entries.move_to_end(digest)
            return entry
        entry = self._alive.get(digest)
        if entry is not None:
            self._keep(entry)  # a kept block's document, pushed out: kept again, as if read
        return entry

    def put(self, digest: str, claims: Sequence[Claim]) -> Entry:
        """The entry of a document just read (its facets computed), kept if it fits."""
        facets = {c.id: facet(c) for c in claims} if self.limit else {}
        undated = tuple(c for c in claims if month_of(c) == UNDATED)
        entry = Entry(tuple(claims), facets, digest, undated, tuple(sorted(claims, key=_ID)))
        if not self.limit or len(claims) > self.limit:
            return entry
        self._keep(entry)
        return entry

    def _keep(self, entry: Entry) -> None:
        old = self._entries.pop(entry.digest, None)
        if old is not None:
            self._size -= len(old.claims)
        self._entries[entry.digest] = entry
        self._size += len(entry.claims)
        while self._size > self.limit:
            gone, dropped = self._entries.popitem(last=False)
            self._size -= len(dropped.claims)
            self._copy_documents.pop(gone, None)

    def _held(self, key: frozenset[tuple[str, str]]) -> tuple[Entry, ...]:
        """The entries of a block's documents (its ids and content hashes) kept or held, for
        the kept block to hold."""
        out = []
        for _, digest in sorted(key):
            entry = self._entries.get(digest) or self._alive.get(digest)
            if entry is not None:
                self._alive[digest] = entry
                out.append(entry)
        return tuple(out)

    def copies(self, entries: Sequence[Entry]) -> KeptCopies | None:
        """What copy detection kept of the documents of ``entries`` (a check's block) and
        keeps of them for the next checks; None when nothing is kept (``limit`` 0)."""
        if not self.limit:
            return None
        if len(self._copy_pairs) + len(self._copy_sequences) > PAIRS_PER_CLAIM * self.limit:
            # forgotten all at once: the next check judges its pairs again
            self._copy_pairs.clear()
            self._copy_sequences.clear()
        if len(self._copy_documents) > self.limit:
            self._copy_documents.clear()  # documents read but not kept (larger than the cache)
        digests = {e.claims[0].document: e.digest for e in entries if e.claims and e.digest}
        return KeptCopies(digests, self._copy_documents, self._copy_pairs, self._copy_sequences)

    def clear(self) -> None:
        """Forget every entry."""
        self._entries.clear()
        self._alive.clear()
        self._size = 0
        self._copy_documents.clear()
        self._copy_pairs.clear()
        self._copy_sequences.clear()
        if self.judged is not None:
            self.judged.clear()
        if self.blocks is not None:
            self.blocks.clear()
