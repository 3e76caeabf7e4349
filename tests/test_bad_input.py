"""Bad input, everywhere in the CLI: every command gets the same matrix of broken
articles and profiles. A refusal is one line on stderr naming the input and the
problem, exit 2, no traceback, nothing written; the few inputs that are not errors
(UTF-16 with a BOM, a long run with no sentence end, HTML full of scripts, a profile
whose names are absent) are processed."""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarize.cli import app

ARTICLE = (
    "Council rejects water plan\n\n"
    "The regional council voted on Tuesday against the new water plan. "
    "\u201cThe costs are not sustainable,\u201d the council said in a statement.\n\n"
    "Residents said the decision would leave their wells dry. "
    "Residents plan to appeal the vote next month.\n"
)
PROFILE = """name: water
stakeholders:
  - id: council
    label: Regional council
    aliases: [council]
  - id: residents
    label: Residents
    aliases: [Residents, locals]
"""


def png_bytes() -> bytes:
    """A real 1x1 PNG: signature, IHDR, IDAT, IEND chunks with their CRCs."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
PARAGRAPHS = "".join(
    f"<p>Paragraph {i}: the regional council said it would not approve the water plan, "
    "citing costs that officials described as unsustainable for the next decade.</p>"
    for i in range(6)
)
SCRIPTY_HTML = f"""<!doctype html><html><head><title>Council rejects plan</title>
<style>body {{ color: red; }} .ad {{ display: none }}</style>
<script>var tracker = "SCRIPT-PAYLOAD"; function track() {{ return 1; }}</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<script>document.write("SCRIPT-PAYLOAD-2")</script>
<article><h1>Council rejects water plan</h1>{PARAGRAPHS}</article>
<style>.footer {{ margin: 0 }}</style>
<script type="application/ld+json">{{"@type": "NewsArticle"}}</script>
<footer>Copyright 2024</footer></body></html>"""
EMPTY_HTML = """<!doctype html><html><head><title>x</title><style>p { color: red }</style>
<script>var a = 1;</script></head><body><nav><a href="/">Home</a></nav>
<script>init()</script></body></html>"""


@dataclass(frozen=True)
class Case:
    """A broken (or odd) input. ``make`` writes it under a folder and returns the path of
    the article and of the profile; ``problem`` is a fragment of the expected error, or
    None when the input must be processed."""

    make: Callable[[Path], tuple[Path, Path]]
    problem: str | None
    blames: str = "article"  # which path the error line must name
    warning: str | None = None
    then: Callable[[str, str], None] | None = None  # (command, output) checked


def article_case(name: str, data: bytes | str | None) -> Callable[[Path], tuple[Path, Path]]:
    def make(folder: Path) -> tuple[Path, Path]:
        profile = folder / "profile.yaml"
        profile.write_text(PROFILE, encoding="utf-8")
        article = folder / name
        if isinstance(data, str):
            article.write_text(data, encoding="utf-8")
        elif isinstance(data, bytes):
            article.write_bytes(data)
        elif name.endswith("folder"):
            article.mkdir()
        return article, profile

    return make


def profile_case(text: str) -> Callable[[Path], tuple[Path, Path]]:
    def make(folder: Path) -> tuple[Path, Path]:
        article = folder / "article.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        profile = folder / "bad-profile.yaml"
        profile.write_text(text, encoding="utf-8")
        return article, profile

    return make


def big_file(folder: Path) -> tuple[Path, Path]:
    article, profile = article_case("huge.txt", None)(folder)
    with open(article, "wb") as handle:  # 20 MB of sentences, written in blocks
        block = (ARTICLE.encode("utf-8") * 200)[: 1 << 20]
        for _ in range(20):
            handle.write(block)
    return article, profile


def first_verdict(output: str) -> str:
    report = json.loads(output)
    return str(report["sides"][0]["sentences"][0]["verdict"])


def no_script_in(command: str, output: str) -> None:
    assert "SCRIPT-PAYLOAD" not in output and "color: red" not in output
    if command == "eval":  # the summary is found in the extracted article text
        assert first_verdict(output) == "supported"
    else:
        assert "Paragraph 5" in output


def decoded_utf16(command: str, output: str) -> None:
    if command == "eval":
        assert json.loads(output)["source"]["chars"] == len(ARTICLE)
        assert first_verdict(output) == "supported"
    else:
        assert "The costs are not sustainable" in output


CASES: dict[str, Case] = {
    "missing path": Case(article_case("missing.txt", None), "no such file"),
    "folder": Case(article_case("a-folder", None), "is a folder"),
    "empty file": Case(article_case("empty.txt", b""), "file is empty"),
    "whitespace only": Case(article_case("blank.txt", " \n\t\n  \r\n"), "only whitespace"),
    "png image": Case(article_case("photo.txt", png_bytes()), "PNG image"),
    "pdf": Case(article_case("paper.pdf", PDF), "PDF"),
    "undecodable bytes": Case(
        article_case("garbled.txt", b"Some text \x81\x8d\x8f\x90\x9d and \xff\xfe\xfa more. " * 3),
        "cannot decode",
    ),
    "corrupt utf-8": Case(
        article_case("corrupt.txt", ARTICLE.encode("utf-8") + b"\x81\x8d\x8f" + b"\xe2\x80\x9d"),
        "UTF-8 with invalid bytes",
    ),
    "utf-16 with bom": Case(
        article_case("wide.txt", ARTICLE.encode("utf-16")), None, then=decoded_utf16
    ),
    "20 MB file": Case(big_file, "--max-chars"),
    "100k run without a sentence end": Case(
        article_case("run.txt", "Residents " + "word " * 20_000 + "council"), None
    ),
    "html full of scripts": Case(article_case("page.html", SCRIPTY_HTML), None, then=no_script_in),
    "html with no article": Case(article_case("empty.html", EMPTY_HTML), "no article text"),
    "malformed yaml": Case(
        profile_case("name: x\nstakeholders: [\n  - id: a\n"), "malformed YAML", blames="profile"
    ),
    "profile not a mapping": Case(
        profile_case("- just\n- a list\n"), "expected a mapping", blames="profile"
    ),
    "duplicate ids": Case(
        profile_case(PROFILE.replace("id: residents", "id: council")),
        "used twice",
        blames="profile",
    ),
    "unknown key": Case(
        profile_case(
            PROFILE.replace("    label: Residents", "    label: Residents\n    colour: red")
        ),
        "unknown key 'colour'",
        blames="profile",
    ),
    "key given twice": Case(
        # YAML would keep the second silently
        profile_case(PROFILE.replace("label: Residents", "label: Residents\n    label: Locals")),
        "malformed YAML at line 8: key 'label' is given twice",
        blames="profile",
    ),
    "empty aliases": Case(
        profile_case(PROFILE.replace("[Residents, locals]", "[]")),
        "aliases must be a non-empty list",
        blames="profile",
    ),
    "blank alias": Case(
        profile_case(PROFILE.replace("[Residents, locals]", "[Residents, '  ']")),
        "aliases[1] must be a non-empty string",
        blames="profile",
    ),
    "bad id": Case(
        profile_case(PROFILE.replace("id: residents", "id: Residents Group")),
        "must match",
        blames="profile",
    ),
    "aliases match nothing": Case(
        profile_case(PROFILE.replace("[Residents, locals]", "[Farmers union]")),
        None,
        warning="no alias of stakeholder 'residents'",
    ),
}


# One summary sentence, supported by the article's heading ("Council rejects water plan").
SUMMARIES = {"council": "The council rejects the water plan."}
GOOD_ARTICLE = "good.txt"


@dataclass(frozen=True)
class Command:
    """How one command is run on an article and a profile, writing to ``out`` (a file;
    for batch, a folder). ``argv`` may write helper files beside ``out``."""

    argv: Callable[[Path, Path, Path], list[str]]
    folder: bool = False


def group_argv(article: Path, profile: Path, out: Path) -> list[str]:
    return ["group", str(article), "--profile", str(profile), "--format", "json", "--out", str(out)]


def brief_argv(article: Path, profile: Path, out: Path) -> list[str]:
    args = ["brief", str(article), "--profile", str(profile), "--backend", "extractive"]
    return [*args, "--format", "json", "--out", str(out)]


def eval_argv(article: Path, profile: Path, out: Path) -> list[str]:
    summaries = out.parent / "summaries.json"
    summaries.write_text(json.dumps(SUMMARIES), encoding="utf-8")
    args = ["eval", str(article), "--profile", str(profile), "--summaries", str(summaries)]
    return [*args, "--format", "json", "--out", str(out)]


def batch_argv(article: Path, profile: Path, out: Path) -> list[str]:
    """A JSONL manifest: the article with its profile, then a good article with a good
    profile, which must be processed whatever happens to the first."""
    good = out.parent / "good"
    good.mkdir()
    (good / GOOD_ARTICLE).write_text(ARTICLE, encoding="utf-8")
    (good / "profile.yaml").write_text(PROFILE, encoding="utf-8")
    listing = out.parent / "inputs.jsonl"
    lines = [
        {"path": str(article), "profile": str(profile)},
        {"path": GOOD_ARTICLE, "profile": "profile.yaml"},
    ]
    listing.write_text(json.dumps(lines[0]) + "\n", encoding="utf-8")
    (good / "inputs.jsonl").write_text(json.dumps(lines[1]) + "\n", encoding="utf-8")
    args = ["batch", str(listing), str(good / "inputs.jsonl"), "--out", str(out)]
    return [*args, "--backend", "extractive"]


COMMANDS: dict[str, Command] = {
    "group": Command(group_argv),
    "brief": Command(brief_argv),
    "eval": Command(eval_argv),
    "batch": Command(batch_argv, folder=True),
}

runner = CliRunner()


def run(args: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(app, args)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("summarize: error: ")]


def manifest_lines(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {entry["path"]: entry for entry in map(json.loads, lines)}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("case_name", list(CASES))
def test_bad_input(tmp_path: Path, command: str, case_name: str) -> None:
    case = CASES[case_name]
    spec = COMMANDS[command]
    article, profile = case.make(tmp_path)
    out = tmp_path / "result"
    code, stdout, stderr = run(spec.argv(article, profile, out))
    assert "Traceback" not in stderr + stdout
    errors = error_lines(stderr)
    if spec.folder:
        # batch: the input gets its manifest line, the good input is done regardless
        entries = manifest_lines(out)
        assert entries[str(tmp_path / "good" / GOOD_ARTICLE)]["status"] == "ok"
        entry = entries[str(article)]
        result = out / f"{article.stem}.briefing.json"
    if case.problem is not None:
        blamed = article if case.blames == "article" else profile
        assert len(errors) == 1, stderr
        assert str(blamed) in errors[0] and case.problem in errors[0], errors[0]
        assert code == 2
        assert not [p for p in tmp_path.rglob("*.tmp")]
        if spec.folder:
            assert entry["status"] == "failed" and entry["outputs"] == []
            assert errors[0] == f"summarize: error: {entry['error']}"
            assert not [p for p in out.iterdir() if p.name.startswith(f"{article.stem}.")]
        else:
            assert len(stderr.splitlines()) == 1, stderr
            assert not out.exists() and stdout == ""
        return
    assert code == 0 and not errors, stderr
    if spec.folder:
        assert entry["status"] == "ok"
    else:
        result = out
    if case.warning is not None:
        warnings = [line for line in stderr.splitlines() if case.warning in line]
        assert len(warnings) == 1 and warnings[0].startswith("summarize: warning: "), stderr
    if case.then is not None:
        case.then(command, result.read_text(encoding="utf-8"))


def test_max_chars_can_be_raised(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text(ARTICLE * 20, encoding="utf-8")  # 20 x 264 = 5,280 characters
    refused = run(["group", str(article), "--max-chars", "5000", "--format", "json"])
    assert refused[0] == 2 and "--max-chars" in refused[2] and str(article) in refused[2]
    code, stdout, _ = run(["group", str(article), "--max-chars", "6000", "--format", "json"])
    assert code == 0 and '"chars": 5280' in stdout


@pytest.mark.parametrize("command", list(COMMANDS))
def test_unwritable_output_folder(tmp_path: Path, command: str) -> None:
    article, profile = article_case("article.txt", ARTICLE)(tmp_path)
    blocker = tmp_path / "somefile"
    blocker.write_text("x", encoding="utf-8")
    (tmp_path / "helpers").mkdir()
    args = COMMANDS[command].argv(article, profile, tmp_path / "helpers" / "unused")
    out = blocker / "out" / "result"
    args[args.index("--out") + 1] = str(out)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, stdout, stderr = run(args)
    lines = stderr.splitlines()
    assert code == 2 and len(lines) == 1 and str(out) in lines[0], stderr
    assert lines[0].startswith("summarize: error: ")
    assert "Traceback" not in stderr and stdout == ""
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("backend", ["seq2seq", "causal"])
def test_model_that_cannot_load_offline_for_brief(tmp_path: Path, backend: str) -> None:
    article, profile = article_case("article.txt", ARTICLE)(tmp_path)
    out = tmp_path / "briefing.json"
    args = ["brief", str(article), "--profile", str(profile), "--out", str(out)]
    code, stdout, stderr = run(
        [*args, "--backend", backend, "--model", "no-such-org/no-such-model"]
    )
    lines = error_lines(stderr)
    assert code == 2 and len(lines) == 1 and "no-such-org/no-such-model" in lines[0], stderr
    assert "Traceback" not in stderr and stdout == "" and not out.exists()
