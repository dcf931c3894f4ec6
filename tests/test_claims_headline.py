"""The "headline and body disagree" warning (claims._headline_disagreements):
a headline rounds, and a rounded figure is no other count - the same rule
compare uses for two accounts' figures (claims.rounded_apart). Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from claimscope.claims import DocumentInput, extract_chunk, rounded_apart

from builtin_knowledge import K

PUBLISHED = dt.date(2021, 3, 10)
WARNING = "headline and body disagree"


def warned(title: str, body: str) -> bool:
    doc = DocumentInput(doc_id="d0", text=f"{title}\n\n{body}", published=PUBLISHED, published_precision="day")
    r = extract_chunk([doc], knowledge=K)
    heads = r.casualties[r.casualties.headline]
    assert len(heads), "the headline figure was read"
    return bool(r.problems.reason.str.contains(WARNING).any()) if len(r.problems) else False


@pytest.mark.parametrize("title, body", [
    # a headline's round figure against the body's bound at it, either way round
    ("100 killed in air strikes on Douma market",
     "Air strikes on the Douma market killed over 100 people on Tuesday, the monitor said."),
    ("More than 20 soldiers killed in ambush near Palmyra",
     "An ambush killed 20 soldiers near Palmyra on Tuesday, the monitor said."),
    # an 'about N' headline within compare.approx_tolerance of the body's count
    ("About 50 killed in shelling of Ariha",
     "Shelling of Ariha killed 47 people on Tuesday, rescuers said."),
    ("Nearly 40 dead in car bomb attack in Azaz",
     "A car bomb killed at least 41 people in Azaz on Tuesday, the monitor said."),
])
def test_a_rounded_headline_figure_is_no_disagreement(title, body):
    assert not warned(title, body)


@pytest.mark.parametrize("title, body", [
    # a figure ten times the headline's is another count, whatever the rounding
    ("4 killed in shelling of Ariha", "Shelling of Ariha killed 40 people on Tuesday, rescuers said."),
    ("Four killed in shelling of Ariha", "Shelling of Ariha killed 40 people on Tuesday, rescuers said."),
    # a bound that does not start at the headline's count
    ("100 killed in air strikes on Douma market",
     "Air strikes on the Douma market killed more than 120 people on Tuesday, the monitor said."),
    # an 'about N' headline further off than the tolerance
    ("About 50 killed in shelling of Ariha", "Shelling of Ariha killed 40 people on Tuesday, rescuers said."),
    # an exact headline figure is no estimate: 9 against 6 still warns
    ("Nine soldiers killed in ambush near Palmyra",
     "An ambush killed six soldiers near Palmyra on Tuesday, the monitor said."),
])
def test_a_headline_figure_the_body_does_not_allow_still_warns(title, body):
    assert warned(title, body)


def test_rounded_apart_names_the_rounding():
    # (min, max, qualifier kind): 'more than 70' is (71, None, 'gt')
    assert rounded_apart((70, 70, ""), (71, None, "gt"), tolerance=0.1) == "bound"
    assert rounded_apart((71, None, "gt"), (70, 70, ""), tolerance=0.1) == "bound"
    assert rounded_apart((100, 100, "approx"), (104, 104, ""), tolerance=0.1) == "approx"
    assert rounded_apart((100, 100, "approx"), (112, 112, ""), tolerance=0.1) == ""   # 12 > 10% of 112
    assert rounded_apart((70, 70, ""), (72, None, "gt"), tolerance=0.1) == ""   # 'more than 71' is not at 70
    assert rounded_apart((4, 4, ""), (40, 40, ""), tolerance=0.1) == ""
    assert rounded_apart((1, 1, "approx"), (2, 2, ""), tolerance=0.1) == "approx"   # one apart at least
    assert rounded_apart((60, 70, ""), (71, None, "gt"), tolerance=0.1) == ""   # a range is no count to bound


def test_a_headline_figure_of_another_act_is_no_disagreement_when_the_body_bears_out_one():
    # the body tells the Aleppo strikes only: the headline's 3 is the Damascus shelling's, not another toll
    assert not warned("Air strikes kill 10 in Aleppo, rebel shelling kills 3 in Damascus",
                      "At least 10 people were killed in air strikes on Aleppo on Monday, the monitor said.")
    # near miss: when neither headline figure is borne out, the body's toll still disagrees
    assert warned("Air strikes kill 4 in Aleppo, rebel shelling kills 3 in Damascus",
                  "At least 10 people were killed in air strikes on Aleppo on Monday, the monitor said.")


def _sources(title: str, body: str) -> list[str]:
    doc = DocumentInput(doc_id="d0", text=f"{title}\n\n{body}", published=PUBLISHED, published_precision="day",
                        outlet="Wire")
    r = extract_chunk([doc], knowledge=K)
    return r.claims.sort_values("start").source.tolist()


def test_a_credit_closing_a_cut_headline_speaks_each_of_its_items():
    got = _sources("Air strikes kill 10 in Aleppo | Rebel shelling kills 3 in Damascus: monitor",
                   "Air strikes on Aleppo killed 10 people on Monday, the Syrian Observatory for Human Rights said.")
    assert got[:2] == ["Syrian Observatory for Human Rights"] * 2
    # an item that names its own source keeps it; an uncredited cut headline stays the outlet's
    got = _sources("Air strikes kill 10 in Aleppo, says state TV | Rebel shelling kills 3 in Damascus: monitor",
                   "Air strikes on Aleppo killed 10 people on Monday, the Syrian Observatory for Human Rights said.")
    assert got[0] == "Syrian state media" and got[1] == "Syrian Observatory for Human Rights"
    got = _sources("Air strikes kill 10 in Aleppo | Rebel shelling kills 3 in Damascus",
                   "Air strikes on Aleppo killed 10 people on Monday, the Syrian Observatory for Human Rights said.")
    assert got[:2] == ["Wire"] * 2


def test_a_list_of_one_acts_figures_still_meets_the_body():
    # review13: "kill 10 in Aleppo, 30 in Idlib" is one act's list; its 30 against the body's 12 still warns
    assert warned("Air strikes kill 10 in Aleppo, 30 in Idlib",
                  "Air strikes killed 10 people in Aleppo and 12 in Idlib on Monday, the monitor said.")



def test_a_closing_says_or_according_to_credit_speaks_each_item_of_a_cut_headline():
    # review13: the cut at "while" had left the first item in the outlet's voice
    got = _sources("Russian jets kill 12 in Ariha while rebels shell Hama, Syrian state TV says",
                   "Jets struck Ariha on Monday, the Syrian Observatory for Human Rights said.")
    assert got[:2] == ["Syrian state media"] * 2
    got = _sources("Russian jets kill 12 in Ariha | According to SOHR, rebels shell Hama",
                   "Jets struck Ariha on Monday, the Syrian Observatory for Human Rights said.")
    assert got[:2] == ["Wire", "Syrian Observatory for Human Rights"]  # a credit opening the last item is its own


def test_shell_the_company_is_no_shelling():
    doc = DocumentInput(doc_id="d0", text="Royal Dutch Shell halts oil output in Syria\n\nThe company said staff had left.",
                        published=PUBLISHED, published_precision="day")
    claims = extract_chunk([doc], knowledge=K).claims
    assert "shelling" not in set(claims.event_type)
