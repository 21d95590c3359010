"""The benchmark corpus: BBC articles in a fixed order spread over the categories."""

from __future__ import annotations

from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bbc"


def read_corpus(root: Path, limit: int) -> list[str]:
    """Up to `limit` article texts, the categories' files interleaved so any prefix mixes topics."""
    per_dir = [sorted(d.glob("*.txt")) for d in sorted(p for p in root.iterdir() if p.is_dir())]
    files: list[Path] = []
    for i in range(max((len(f) for f in per_dir), default=0)):
        files.extend(f[i] for f in per_dir if i < len(f))
    texts = []
    for path in files[:limit]:
        data = path.read_bytes()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:  # one BBC file is Latin-1
            texts.append(data.decode("latin-1"))
    return texts
