"""The command line as a user runs it: extract, user lexicon and pattern files, errors before work."""

from __future__ import annotations

import json
import subprocess
import sys

CLI = [sys.executable, "-m", "eventwire"]
TEXT = "Zora Vek arrived in Vienna on Monday and met officials from Austria, the ministry said.\n"


def run(*args, stdin: str | None = None):
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True)


def test_help_lists_every_command():
    out = run("--help").stdout
    for cmd in (
        "extract",
        "ingest",
        "export",
        "stats",
        "eval",
        "quotes",
        "stories",
        "query",
        "sql",
        "serve",
        "patterns",
    ):
        assert cmd in out


def test_extract_from_stdin_with_a_user_actor_lexicon(tmp_path):
    plain = json.loads(run("extract", "-", "--date", "2024-02-07", stdin=TEXT).stdout)
    assert plain["article"]["published"] == "2024-02-07"
    vek = [a for a in plain["actors"] if "Vek" in a["name"]]
    assert vek and not (vek[0]["code"] or "").startswith("RUS")
    lex = tmp_path / "mine.yaml"
    lex.write_text(
        "people:\n  - {name: Zora Vek, code: RUSGOV, title: envoy, aliases: [Vek]}\n", encoding="utf-8"
    )
    coded = json.loads(run("extract", "-", "--actors", str(lex), stdin=TEXT).stdout)
    assert [a["code"] for a in coded["actors"] if "Vek" in a["name"]] == ["RUSGOV"]


def test_bad_user_files_stop_before_any_work(tmp_path):
    bad_lex = tmp_path / "bad.yaml"
    bad_lex.write_text("people: [1, 2\n", encoding="utf-8")
    out = run("extract", "-", "--actors", str(bad_lex), stdin=TEXT)
    assert out.returncode == 2 and "bad.yaml" in out.stderr and "line" in out.stderr
    bad_pat = tmp_path / "pat.yaml"
    bad_pat.write_text("- id: mine.zap\n  code: '999'\n  verbs: [zap]\n", encoding="utf-8")
    out = run("ingest", "-", "--db", str(tmp_path / "x.duckdb"), "--patterns", str(bad_pat), stdin=TEXT)
    assert out.returncode == 2 and "pat.yaml" in out.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_patterns_reports_coverage_and_checks_user_files(tmp_path):
    out = run("patterns")
    assert out.returncode == 0 and "roots covered: 20/20" in out.stdout
    bad = tmp_path / "p.yaml"
    bad.write_text("- id: mine.zap\n  code: '999'\n  verbs: [zap]\n", encoding="utf-8")
    out = run("patterns", str(bad))
    assert out.returncode == 2 and "p.yaml" in out.stderr and "999" in out.stderr


def test_config_file_then_flags(tmp_path):
    conf = tmp_path / "eventwire.toml"
    conf.write_text('[eventwire]\ndefault_date = "2024-02-07"\ndemonym_places = false\n', encoding="utf-8")
    text = "Russian troops entered the Ukrainian town of Kupiansk on Monday, officials said.\n"
    rec = json.loads(run("extract", "-", "--config", str(conf), stdin=text).stdout)
    assert rec["article"]["published"] == "2024-02-07"
    assert "Russian" not in [p["name"] for p in rec["places"]]
    rec = json.loads(run("extract", "-", "--config", str(conf), "--date", "2024-03-01", stdin=text).stdout)
    assert rec["article"]["published"] == "2024-03-01"  # the flag wins over the file
    conf.write_text("[eventwire]\nno_such_key = 1\n", encoding="utf-8")
    out = run("extract", "-", "--config", str(conf), stdin=text)
    assert out.returncode == 2 and "no_such_key" in out.stderr


def test_quotes_command_prints_scraped_text_as_text(tmp_path):
    db = tmp_path / "q.duckdb"
    text = (
        'Interior Minister Mara Lind said on Monday: "We will [bold]not[/bold] close the border." '
        "Lind spoke in Oslo.\n"
    )
    assert run("ingest", "-", "--db", str(db), stdin=text).returncode == 0
    out = run("quotes", "--db", str(db), "--speaker", "Lind", "--format", "table")
    assert out.returncode == 0 and "[bold]not[/bold]" in out.stdout.replace("\n", " ").replace("│", " ")
    rows = json.loads(run("quotes", "--db", str(db), "--speaker", "lind", "--format", "json").stdout)
    assert rows and all("Lind" in r["speaker_name"] for r in rows)
