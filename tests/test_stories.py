"""Near-duplicate and same-story grouping."""

import datetime as dt

from eventwire.stories import Doc, group

BASE = (
    "Flooding along the Varna river forced four thousand residents of Kestrel county from their homes on Sunday, "
    "and emergency crews built sandbag walls around the old bridge while the regional governor asked the army "
    "for helicopters to reach villages cut off by the water. Forecasters expect more rain until Wednesday."
)
REWORDED = (
    "Helicopters from the army reached villages cut off by flooding along the Varna river in Kestrel county, "
    "where four thousand residents left their homes; the regional governor said sandbag walls around the old "
    "bridge were holding and forecasters expect more rain."
)
OTHER = (
    "The central bank kept its main interest rate unchanged at four percent on Thursday, saying inflation was "
    "slowing faster than expected while wage growth remained strong across manufacturing and services."
)


def test_duplicates_and_stories():
    day = dt.date(2024, 5, 5)
    docs = [
        Doc("a", BASE, day),
        Doc("b", BASE.replace("Sunday", "Sunday evening") + " Updated.", day),
        Doc("c", REWORDED, day + dt.timedelta(days=1)),
        Doc("d", OTHER, day),
        Doc("e", REWORDED, day + dt.timedelta(days=30)),
    ]
    rows = {r.article_id: r for r in group(docs)}
    assert rows["b"].duplicate_of == "a" and rows["b"].dup_similarity >= 0.8
    assert rows["a"].duplicate_of is None
    assert rows["c"].story_id == "a" and rows["c"].duplicate_of is None
    assert rows["d"].story_id == "d" and rows["d"].story_size == 1
    # the same text a month later is a duplicate, hence the same story, even outside the time window
    assert rows["e"].duplicate_of == "c"
    assert rows["a"].story_size == 4


def test_empty_and_tiny_docs():
    assert group([]) == []
    rows = group([Doc("x", ""), Doc("y", "Short.")])
    assert [r.story_size for r in rows] == [1, 1]
