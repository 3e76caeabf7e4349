"""What a profile leaves out of an article: the speakers outside it ('group' lists them so
a user can give their lines to a side by adding a name to its aliases)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.pipeline import group
from summarize.profile import outsider_warnings

ARTICLE = """Union rejects Acme offer

"We will not back down," said Senator Bob Corker, who chairs the labour panel.

"It is wrong," Mr. Corker said.

Several experts said the offer was fair.

"Nothing changes," said Pat Lee.

Acme said it would keep talking.
"""

PROFILE = """name: strike
stakeholders:
  - id: union
    label: Union
    aliases: [Union, Jane Roe]
  - id: company
    label: Acme
    aliases: [Acme]
"""


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    return tmp_path / "a.txt", tmp_path / "p.yaml"


def test_speakers_outside_the_profile_are_listed_by_person_most_quoted_first(
    story: tuple[Path, Path],
) -> None:
    article, profile = story
    (line,) = outsider_warnings(group(str(article), str(profile)), "a.txt")
    # Corker twice ("Senator Bob Corker", "Mr. Corker": one person, shown by the fuller
    # name); Pat Lee once, a name, so before the description met as often but earlier.
    assert line == (
        "a.txt: 3 speakers outside the profile, their passages on no side: "
        "Senator Bob Corker (2), Pat Lee (1), Several experts (1); add a name to a side's "
        f"aliases to give it their lines (profile {profile})"
    )


def test_a_name_added_to_the_aliases_gives_the_side_its_lines_and_leaves_the_list(
    story: tuple[Path, Path],
) -> None:
    article, profile = story
    profile.write_text(PROFILE.replace("[Union, Jane Roe]", "[Union, Corker]"), encoding="utf-8")
    grouping = group(str(article), str(profile))
    assert [ap.stakeholder for ap in grouping.passages[1:3]] == ["union", "union"]
    (line,) = outsider_warnings(grouping, "a.txt")
    assert ": 2 speakers outside the profile, their passages on no side: Pat Lee (1), " in line


def test_an_article_whose_speakers_all_have_a_side_gets_no_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('"No," said Acme.\n\nUnion said yes.\n', encoding="utf-8")
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    assert outsider_warnings(group(str(tmp_path / "a.txt"), str(tmp_path / "p.yaml")), "a") == []


def test_group_prints_the_list_on_stderr_and_keeps_stdout_to_the_data(
    story: tuple[Path, Path],
) -> None:
    article, profile = story
    result = CliRunner().invoke(app, ["group", str(article), "-p", str(profile), "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"summarize: warning: {article}: 3 speakers outside the profile, their passages on "
        "no side: Senator Bob Corker (2), Pat Lee (1), Several experts (1); add a name to a "
        f"side's aliases to give it their lines (profile {profile})\n"
    )
    assert '"schema": "summarize/grouping-v1"' in result.stdout


def test_past_five_speakers_the_rest_are_counted(tmp_path: Path) -> None:
    names = ["Ann Bay", "Bo Cole", "Cy Dunn", "Di Eve", "Ed Fry", "Flo Gale", "Gus Hale"]
    text = "\n\n".join(f'"Maybe," said {n}.' for n in names)
    (tmp_path / "a.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    (line,) = outsider_warnings(group(str(tmp_path / "a.txt"), str(tmp_path / "p.yaml")), "a")
    # seven speakers once each, in article order: five shown, 7 - 5 = 2 counted
    assert "a: 7 speakers outside the profile" in line
    assert "Ann Bay (1), Bo Cole (1), Cy Dunn (1), Di Eve (1), Ed Fry (1) and 2 more;" in line


def test_a_bare_name_beside_the_full_one_is_that_person_not_another_alias() -> None:
    from summarize.profile import parse_profile

    data = {"name": "t", "stakeholders": [
        {"id": "felipe", "label": "Felipe Calderon", "aliases": ["Felipe Calderon", "Calderon"]},
        {"id": "hillary", "label": "Hillary", "aliases": ["Hillary Clinton", "Clinton"]},
        {"id": "bill", "label": "Bill", "aliases": ["Bill Clinton", "Foundation"]},
    ]}
    sides = {s.id: s.aliases for s in parse_profile(data, "t.yaml").stakeholders}
    # "Calderon" goes (the engine finds him by surname anyway, and as a person); "Clinton"
    # stays, since another side's person shares it; a one-word body stays
    assert sides == {"felipe": ("Felipe Calderon",), "hillary": ("Hillary Clinton", "Clinton"),
                     "bill": ("Bill Clinton", "Foundation")}


def test_a_bare_surname_alias_still_lets_he_reach_back_to_the_person(tmp_path: Path) -> None:
    # with "Calderon" read as a one-word body, "the former Mexican president" and the "he"
    # of a continued quote found nobody
    (tmp_path / "a.txt").write_text(
        "Calderon slams wall\n\nFormer Mexican President Felipe Calderon mocked the wall.\n\n"
        "But the former Mexican president didn't stop there.\n\n"
        '"It is a fantasy," he continued.\n', encoding="utf-8")
    (tmp_path / "p.yaml").write_text(
        "name: t\nstakeholders:\n  - id: calderon\n    label: Former Mexican President Felipe "
        "Calderon\n    aliases: [Felipe Calderon, Calderon]\n  - id: trump\n    label: Donald "
        "Trump\n    aliases: [Donald Trump, Trump]\n", encoding="utf-8")
    sides = [ap.stakeholder for ap in group(str(tmp_path / "a.txt"), str(tmp_path / "p.yaml"))
             .passages]
    assert sides[2:] == ["calderon", "calderon"]
