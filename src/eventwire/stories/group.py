"""Near-duplicate and same-story grouping across articles, with MinHash LSH (datasketch).

Two passes over word shingles: near-duplicates (the same text re-published, Jaccard >= 0.8 on
3-word shingles) and same-story groups (a looser match on 2-word shingles of content words,
kept only when the two articles were published within a few days of each other). Groups are
the connected components of those matches, so a story can chain through several articles.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the of to in on at by for from with and or but is are was were be been has have had it its this that "
    "these those as he she they we you i his her their our said says say will would could should may not no".split()
)


@dataclass
class StoryRow:
    article_id: str
    story_id: str  # the smallest article id of the group
    duplicate_of: str | None  # the smallest id among its near-duplicates, when it is not that one
    dup_similarity: float | None
    story_size: int


@dataclass
class Doc:
    id: str
    text: str
    published: dt.date | None = None


def _shingles(words: list[str], n: int) -> set[bytes]:
    if len(words) < n:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + n]).encode() for i in range(len(words) - n + 1)}


def _minhash(shingles: set[bytes]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=7)
    m.update_batch(list(shingles))
    return m


class _Components:
    def __init__(self, ids: Iterable[str]):
        self.parent = {i: i for i in ids}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def group(
    docs: list[Doc], dup_threshold: float = 0.8, story_threshold: float = 0.3, max_days: int = 3
) -> list[StoryRow]:
    """One row per article: its story group and, if any, the article it duplicates."""
    dup_lsh = MinHashLSH(threshold=dup_threshold, num_perm=NUM_PERM)
    story_lsh = MinHashLSH(threshold=story_threshold, num_perm=NUM_PERM)
    dup_hash, story_hash = {}, {}
    by_id = {d.id: d for d in docs}
    for d in docs:
        words = _WORD.findall(d.text.lower())
        dup_hash[d.id] = _minhash(_shingles(words, 3))
        story_hash[d.id] = _minhash(_shingles([w for w in words if w not in _STOP], 2))
        dup_lsh.insert(d.id, dup_hash[d.id])
        story_lsh.insert(d.id, story_hash[d.id])

    dups = _Components(by_id)
    stories = _Components(by_id)
    best_sim: dict[str, float] = {}
    for d in docs:
        for other in dup_lsh.query(dup_hash[d.id]):
            if other == d.id:
                continue
            sim = dup_hash[d.id].jaccard(dup_hash[other])
            if sim >= dup_threshold:
                dups.union(d.id, other)
                stories.union(d.id, other)
                best_sim[d.id] = max(best_sim.get(d.id, 0.0), sim)
        for other in story_lsh.query(story_hash[d.id]):
            if other != d.id and _close_in_time(d, by_id[other], max_days):
                stories.union(d.id, other)

    sizes: dict[str, int] = {}
    for d in docs:
        root = stories.find(d.id)
        sizes[root] = sizes.get(root, 0) + 1
    rows = []
    for d in sorted(docs, key=lambda x: x.id):
        story = stories.find(d.id)
        original = dups.find(d.id)
        rows.append(
            StoryRow(
                article_id=d.id,
                story_id=story,
                duplicate_of=original if original != d.id else None,
                dup_similarity=round(best_sim[d.id], 3) if d.id in best_sim and original != d.id else None,
                story_size=sizes[story],
            )
        )
    return rows


def _close_in_time(a: Doc, b: Doc, max_days: int) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= max_days
