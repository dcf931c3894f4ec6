"""'Others' and 'N more people' told after a figure are more of its victims
group: the whole told last, not a part of it ("12 civilians, including four
children ... 20 others": civilians, not anyone-but-children), and "two more
people died" continues like "others" (session 10). Sentences written for
these tests."""

from __future__ import annotations

from claimscope.casualties import VictimContext, find_casualties
from claimscope.pipeline import run

from builtin_knowledge import K


def _figures(tmp_path, text: str) -> dict[str, tuple[str, str]]:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    cas = run([tmp_path], knowledge=K)["casualties"]
    return {raw: (victims, category) for raw, victims, category in zip(cas["raw"], cas["victims"], cas["category"])}


def test_others_after_a_whole_and_its_part_are_of_the_whole(tmp_path):
    got = _figures(tmp_path, "Strike on Saraqib\n\nAn air strike killed 12 civilians, including four children, in "
                             "Saraqib on 3 May 2023.\n\nAt least 20 others were injured, the civil defence said.\n")
    assert got["At least 20 others were injured"] == ("civilians", "civilians")


def test_others_after_a_subgroup_alone_are_anyone_else(tmp_path):
    # near miss: the figure told last is children, with no whole: others are anyone but them
    got = _figures(tmp_path, "Strike on Saraqib\n\nAn air strike killed four children in Saraqib on 3 May "
                             "2023.\n\nAt least 20 others were injured, the civil defence said.\n")
    assert got["At least 20 others were injured"] == ("people", "unknown")


def test_more_people_continue_the_figure_before():
    ctx = VictimContext(previous_figure=("civilians", "civilians", ""))
    got = find_casualties("Rescuers said two more people died of their wounds.", knowledge=K, context=ctx)
    assert [(m.min, m.victims, m.category) for m in got] == [(2, "civilians", "civilians")]
    # near miss: 'more' before a group of its own names that group
    got = find_casualties("Rescuers said two more soldiers died of their wounds.", knowledge=K, context=ctx)
    assert [m.category for m in got] == ["combatants"]


def test_others_described_as_mostly_another_group_are_not_more_of_the_group_before():
    # review14: "20 others, mostly soldiers" after "12 civilians" had been 20 civilians
    import datetime as dt

    from claimscope.claims import DocumentInput, extract_chunk

    from builtin_knowledge import K
    text = ("Air strikes killed 12 civilians in Douma on Monday, activists said. In nearby Harasta, rebel fire "
            "killed 20 others, mostly soldiers.")
    doc = DocumentInput(doc_id="d0", text=text, published=dt.date(2019, 5, 3), published_precision="day")
    cas = extract_chunk([doc], knowledge=K).casualties
    row = cas[cas["raw"] == "20 others"].iloc[0]
    assert row["category"] == "unknown"
    # near miss: described as the same category, they stay of it
    doc = DocumentInput(doc_id="d0", text=text.replace("mostly soldiers", "mostly women"), published=dt.date(2019, 5, 3),
                        published_precision="day")
    cas = extract_chunk([doc], knowledge=K).casualties
    assert cas[cas["raw"] == "20 others"].iloc[0]["category"] == "civilians"


def test_others_told_after_wholes_of_both_categories_are_unknown(tmp_path):
    # "others" in the next sentence after civilians and fighters: of both, as within one sentence
    got = _figures(tmp_path, "Shelling on Tal Rifaat\n\nThe shelling left five civilians, including a boy, and nine "
                             "fighters, including a commander, dead on 3 May 2023.\n\nAlso, 16 others were wounded, "
                             "the monitor said.\n")
    assert got["16 others were wounded"] == ("people", "unknown")
    # near miss: wholes of one category (fighters, and a part of them) keep "others" theirs
    got = _figures(tmp_path, "Shelling on Tal Rifaat\n\nThe shelling left nine fighters, including a commander, "
                             "dead on 3 May 2023.\n\nAlso, 16 others were wounded, the monitor said.\n")
    assert got["16 others were wounded"][1] == "combatants"
