"""A report that tells its toll as risen ("the toll of the guards has risen to
nine") replaces the smaller tolls it told along the way, and a count closed by
"in an initial toll" is such an earlier count (compare `_risen_replaces`,
align.yaml compare.earlier_toll_after_cues; session 10, UCDP-AEC 460513's
pattern). Another report's smaller toll stays: a disagreement to show.
Sentences written for these tests."""

from __future__ import annotations

from claimscope.pipeline import run

from builtin_knowledge import K


def _incident(tmp_path, *reports: str):
    for k, text in enumerate(reports):
        (tmp_path / f"r{k}.txt").write_text(text, encoding="utf-8")
    tables = run([tmp_path], knowledge=K)
    inc = tables["incidents"]
    assert len(inc[inc["casualties_high"].notna()]) == 1, inc[["title", "toll"]]
    return inc[inc["casualties_high"].notna()].iloc[0]


RISEN = ("Raid on Tal Tamr prison\n\nThe death toll of the prison guards has risen to nine, while three inmates "
         "were killed in the raid on the prison in Tal Tamr on 12 March 2023, a security source said.")
EARLIER = " Earlier on Sunday, activists said four guards were killed in the raid on the prison in Tal Tamr.\n"


def test_a_risen_toll_replaces_the_reports_smaller_count(tmp_path):
    inc = _incident(tmp_path, RISEN + EARLIER)
    assert (inc["combatants_low"], inc["combatants_best"], inc["combatants_high"]) == (9, 9, 9)
    assert inc["toll"] == "12 (civilians 3; combatants 9)"


def test_another_reports_smaller_toll_stays(tmp_path):
    # near miss: the smaller count is another report's, not one this report told along the way
    inc = _incident(tmp_path, RISEN + "\n",
                    "Prison raid in Tal Tamr\n\nActivists said four guards were killed in the raid on the prison "
                    "in Tal Tamr on 12 March 2023.\n")
    assert (inc["combatants_low"], inc["combatants_high"]) == (4, 9)


def test_a_verb_far_before_the_figure_is_no_update(tmp_path):
    # near miss: 'reached' the village, not a toll that reached a figure: both counts stay
    inc = _incident(tmp_path, "Raid on Tal Tamr prison\n\nAfter the attackers reached the prison in Tal Tamr on "
                              "Sunday, the raid left nine guards dead, a security source said. Activists said four "
                              "guards were killed in the raid on the prison in Tal Tamr.\n")
    assert (inc["casualties_low"], inc["casualties_high"]) == (4, 9)


def test_a_count_closed_by_in_an_initial_toll_is_an_earlier_count(tmp_path):
    text = ("Raid on Tal Tamr prison\n\nActivists said six guards were killed in the raid on the prison in Tal Tamr "
            "on Sunday. A security source said the clashes left two guards dead, in an initial toll.\n")
    inc = _incident(tmp_path, text)
    assert (inc["casualties_low"], inc["casualties_high"]) == (6, 6)
    # near miss: 'in the village of X' closing the clause is no toll cue: both counts stay
    (tmp_path / "r0.txt").unlink()
    inc = _incident(tmp_path, text.replace("in an initial toll", "in the village of Tal Tamr"))
    assert (inc["casualties_low"], inc["casualties_high"]) == (2, 6)


def test_a_risen_toll_of_one_group_leaves_another_groups_count(tmp_path):
    # review14: "the toll of the guards has risen to nine" replaced "five civilians were killed" too
    inc = _incident(tmp_path, "Raid on Tal Tamr prison\n\nFive civilians were killed in the raid on the prison in "
                              "Tal Tamr on 12 March 2023, activists said. The death toll of the prison guards has "
                              "risen to nine, a security source said.\n")
    assert inc["civilians_best"] == 5 and inc["combatants_best"] == 9
    assert inc["casualties_low"] == 5  # the civilians' count is not an earlier count of the guards' toll (was 9)
