"""A monitor's section label ("Idlib province: ...") files an item; where the
item's words put the act in another governorate, the label is not its place
(places.without_section_label). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claimscope.claims import DocumentInput, extract_chunk

from builtin_knowledge import K


def _claim(text: str):
    doc = DocumentInput(doc_id="d0", text=text, published=dt.date(2022, 9, 7), published_precision="day")
    return extract_chunk([doc], knowledge=K).claims.iloc[0]


def test_a_label_of_another_governorate_than_the_act_is_not_its_place():
    c = _claim("Idlib province: activists documented the death of a regime soldier shot dead by gunmen on the "
               "frontline of Kafr Halab in western Aleppo countryside.")
    assert c.governorate == "Aleppo" and "Idlib" not in c.places.split(";")


def test_a_label_the_item_bears_out_or_a_governorate_in_the_sentence_stays():
    # near misses: the item names places of the label's governorate, or the name is no label (no colon)
    c = _claim("Idlib province: activists documented the death of a civilian in shelling on Ariha in southern "
               "Idlib countryside.")
    assert c.governorate == "Idlib"
    c = _claim("Idlib and Aleppo: regime shelling killed two civilians in Ariha and one in Atarib.")
    assert {"Ariha", "Idlib"} <= set(c.places.split(";"))


def test_a_seat_named_alone_meets_its_province_told_as_countryside(tmp_path):
    # "killed in Aleppo" (the city's name, the province's seat) and "in western Aleppo countryside" are one area
    from claimscope import run

    (tmp_path / "a.txt").write_text(
        "Idlib | Regime soldier killed in Aleppo and regime forces shell Kansafra town\n\n"
        "Idlib province: activists documented the death of a regime soldier shot dead by gunmen on the frontline of "
        "Kafr Halab in western Aleppo countryside.\n\n"
        "Regime forces also fired artillery shells on houses in Kansafra town.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id,file,outlet,published\na,a.txt,Monitor,2022-09-07\n",
                                           encoding="utf-8")
    c = run([tmp_path], knowledge=K)["claims"].set_index("sentence")
    assert c.loc["Idlib | Regime soldier killed in Aleppo", "incident_id"] == \
        c.loc[[s for s in c.index if s.startswith("Idlib province:")][0], "incident_id"]
