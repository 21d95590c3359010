"""Recompute the stories table of a store from its articles (idempotent: the table is rebuilt)."""

from __future__ import annotations

from eventwire.stories.group import Doc, group


def update_stories(store) -> dict[str, int]:
    con = store.con
    docs = [
        Doc(id=i, text=f"{t or ''}\n{b or ''}", published=p)
        for i, t, b, p in con.execute(
            "SELECT id, title, body, published FROM articles ORDER BY id"
        ).fetchall()
    ]
    rows = group(docs)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM stories")
        if rows:
            con.executemany(
                "INSERT INTO stories VALUES (?, ?, ?, ?, ?)",
                [(r.article_id, r.story_id, r.duplicate_of, r.dup_similarity, r.story_size) for r in rows],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {
        "articles": len(rows),
        "duplicates": sum(1 for r in rows if r.duplicate_of),
        "stories": len({r.story_id for r in rows}),
        "multi_article_stories": len({r.story_id for r in rows if r.story_size > 1}),
    }
