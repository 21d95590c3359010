"""The main text block: the run of lines with the most prose, found as a maximum-sum segment.

Sentence-like lines count for their words; other kept-looking lines (menus, headings, labels) cost a
little more than their words; lines removed anyway (UI, code, captions) cost little, so a block can span
an ad or a share bar between paragraphs. Short headings inside the block are kept.
"""

from __future__ import annotations

from eventwire.clean.lines import Line

OTHER_BASE = 1.5
OTHER_PER_WORD = 0.6
JUNK_COST = 0.25
RUN_GROWTH = 0.5
WALL_COST = 60.0
MAX_SENTENCE = 120  # one giant line (a blob that passed as prose) must not decide the block alone


def weight(line: Line) -> float:
    if line.kind == "sentence":
        return float(min(line.words, MAX_SENTENCE))
    if line.kind == "wall":
        return -WALL_COST  # comments, consent dialogs, story lists start here: a near-wall for the block
    if line.kind in ("teaser", "ellipsis"):
        return -(OTHER_BASE + OTHER_PER_WORD * line.words)  # story lists: as costly as a menu line
    if line.junk:
        return -JUNK_COST
    return -(OTHER_BASE + OTHER_PER_WORD * line.words)


def weights(lines: list[Line]) -> list[float]:
    """Per-line weights; the k-th non-sentence line in a row costs more (menus are long runs of short lines,
    a heading inside an article stands alone between paragraphs)."""
    out = []
    streak = 0
    for line in lines:
        w = weight(line)
        if line.kind == "sentence":
            streak = 0
        elif not line.junk:
            streak += 1
            w *= 1 + RUN_GROWTH * (streak - 1)
        out.append(w)
    return out


def main_block(lines: list[Line]) -> tuple[int, int]:
    """(start, end) indexes, end exclusive, of the best segment; (0, 0) when there is no prose."""
    best, best_span = 0.0, (0, 0)
    run, start = 0.0, 0
    for i, w in enumerate(weights(lines)):
        if run <= 0:
            run, start = w, i
        else:
            run += w
        if run > best:
            best, best_span = run, (start, i + 1)
    return best_span
