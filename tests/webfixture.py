"""Helpers for the API, web and query tests: a hand-made store with known events, and a live server.

The hand-made records are written through the real Store into a real DuckDB file, so the read side is
tested against exactly what the writer produces, independently of how much the NLP stages find today.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from eventwire.model import Actor, Article, Event, Place, Quote, Record
from eventwire.store import Store

XSS_TITLE = "<script>alert('title')</script> Mayor & council"
XSS_BODY = (
    'Mayor Karl Brenner condemned the council on Friday. <img src=x onerror="alert(1)"> was posted.\n\n'
    "The council <script>document.title='pwned'</script> rejected the plan, Brenner said."
)


def _span(body: str, text: str, start: int = 0) -> tuple[int, int]:
    i = body.index(text, start)
    return (i, i + len(text))


def strike_record() -> Record:
    body = (
        "Turkish warplanes struck Kurdish militant positions near Dohuk on Monday, the army said.\n\n"
        "Foreign Minister Selim Kaya said Ankara would welcome talks with Athens next month.\n\n"
        '"We are ready to sit at the table," Kaya told reporters in Ankara.'
    )
    actors = [
        Actor("a1", "Turkish warplanes", "TURMIL", "TUR", "MIL", "organization", mentions=[_span(body, "Turkish warplanes")]),
        Actor("a2", "Kurdish militants", "IRQREB", "IRQ", "REB", "armed_group", mentions=[_span(body, "Kurdish militant")]),
        Actor("a3", "Selim Kaya", "TURGOV", "TUR", "GOV", "person", aliases=["Kaya"],
              mentions=[_span(body, "Selim Kaya"), _span(body, "Kaya", 200)], evidence="title: Foreign Minister"),
        Actor("a4", "Greece", "GRC", "GRC", None, "state", mentions=[_span(body, "Athens")]),
    ]  # fmt: skip
    places = [
        Place("p1", "Dohuk", [_span(body, "Dohuk")], 95000, 36.87, 42.99, "IQ", "PPLA", 0.9),
        Place("p2", "Ankara", [_span(body, "Ankara"), _span(body, "Ankara", 200)], 323786, 39.92, 32.85, "TR", "PPLC", 0.9),
    ]  # fmt: skip
    s1 = (0, body.index("\n\n"))
    s2 = (s1[1] + 2, body.index("\n\n", s1[1] + 2))
    events = [
        Event("e1", "195", "19", "a1", "a2", "TURMIL", "IRQREB", 4, -10.0, {"type": "ASSAULT", "mode": "aerial"},
              "2024-03-04", "weekday", "p1", "Dohuk", "asserted", None, s1, _span(body, "struck"), "fx.195.strike", 0.9),
        Event("e2", "036", "03", "a3", "a4", "TURGOV", "GRC", 1, 4.0, {"type": "AGREE", "mode": None},
              "2024-03-05", "published", "p2", "Ankara", "future", "a3", s2, _span(body, "welcome talks"), "fx.036.talks", 0.7),
    ]  # fmt: skip
    quotes = [
        Quote("q1", '"We are ready to sit at the table,"', _span(body, '"We are ready to sit at the table,"'),
              "direct", "a3", "Selim Kaya", "told", _span(body, "told")),
    ]  # fmt: skip
    art = Article(
        "fx-strike",
        body,
        "https://news.example/strike",
        "Example Wire",
        "Jets strike militants",
        "2024-03-05",
    )
    return Record("fx-strike", art, actors, events, quotes, places)


def accuse_record() -> Record:
    body = (
        "The United States accused China of unfair trade practices on Tuesday.\n\n"
        "Beijing denied the charge and said 100% of its exports_met the rules."
    )
    actors = [
        Actor("a1", "United States", "USA", "USA", None, "state", mentions=[_span(body, "United States")]),
        Actor(
            "a2",
            "China",
            "CHN",
            "CHN",
            None,
            "state",
            mentions=[_span(body, "China"), _span(body, "Beijing")],
        ),
    ]
    s1 = (0, body.index("\n\n"))
    s2 = (s1[1] + 2, len(body))
    events = [
        Event("e1", "112", "11", "a1", "a2", "USA", "CHN", 3, -2.0, {"type": "ACCUSE", "mode": None},
              "2024-03-05", "weekday", None, None, "asserted", None, s1, _span(body, "accused"), "fx.112", 0.8),
        Event("e2", "125", "12", "a2", "a1", "CHN", "USA", 3, -5.0, {"type": "REJECT", "mode": None},
              "2024-03-06", "published", None, None, "asserted", None, s2, _span(body, "denied"), "fx.125", 0.6),
    ]  # fmt: skip
    art = Article("fx-accuse", body, None, "Example Wire", "Trade row", "2024-03-06")
    return Record("fx-accuse", art, actors, events, [], [])


def xss_record() -> Record:
    body = XSS_BODY
    actors = [
        Actor("a1", "Karl <b>Brenner</b>", "DEUGOV", "DEU", "GOV", "person",
              mentions=[_span(body, "Mayor Karl Brenner"), _span(body, "Brenner", 60)], evidence='<img src=y onerror="alert(2)">'),
        Actor("a2", "council", "DEULEG", "DEU", "LEG", "organization", mentions=[_span(body, "The council")]),
    ]  # fmt: skip
    events = [
        Event("e1", "122", "12", "a1", "a2", "DEUGOV", "DEULEG", 3, -4.0, {"type": "DISAPPROVE", "mode": None},
              "2024-03-01", "weekday", None, '<svg onload="alert(3)">', "asserted", None,
              (0, body.index("\n\n")), _span(body, '<img src=x onerror="alert(1)">'), "<script>rule</script>", 0.5),
        Event("e2", "125", "12", "a2", None, "DEULEG", None, 3, -5.0, {}, "2024-03-01", None, None, None,
              "claimed", "a1", (body.index("The council"), len(body)), _span(body, "<script>document.title='pwned'</script>"),
              "fx.xss", 0.4),
    ]  # fmt: skip
    art = Article("fx-xss", body, "javascript:alert(4)", "<i>Evil</i>", XSS_TITLE, "2024-03-01")
    return Record("fx-xss", art, actors, events, [], [])


def records() -> list[Record]:
    return [strike_record(), accuse_record(), xss_record()]


def build_store(path: Path, extra: list[Record] = ()) -> Path:
    with Store(path) as store:
        store.write([*records(), *extra])
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db: Path):
    """The real app under uvicorn on a free localhost port, in a thread; yields its base URL."""
    from eventwire.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
