import yaml
from pathlib import Path

from claimscope.attribution import attribute, source_table, stance

from builtin_knowledge import bind

attribute = bind(attribute)
source_table = bind(source_table)
stance = bind(stance)

GOLD = Path(__file__).parent / "gold" / "seeds_claims.yaml"


def sources_of(*sentences, outlet="Outlet"):
    return [(a.source, a.source_type, a.cue) for a in attribute(list(sentences), outlet=outlet)]


def test_taxonomy_holds_every_gold_source_name():
    gold = yaml.safe_load(GOLD.read_text())
    names = set(source_table())
    missing = [s for s in gold["sources"] if s != "outlet" and s not in names]
    assert missing == []


def test_according_to_and_anaphoric_pronoun():
    got = sources_of(
        "According to pro-militant sources, at least 5 Syrian Army troops were killed.",
        "They claim that it is the Damascus government that violated the ceasefire.",
    )
    assert got == [("pro-militant sources", "partisan", "according_to"),
                   ("pro-militant sources", "partisan", "anaphora")]


def test_sentence_final_reporting_verb():
    [(name, kind, cue)] = sources_of(
        "One Turkish soldier died in an IED attack in southern Idlib, the Turkish Defense Ministry reported late on May 27.")
    assert (name, kind, cue) == ("Turkish Defense Ministry", "official", "sentence_final")


def test_definite_descriptions_resolve_to_the_last_fitting_source():
    got = sources_of(
        "On 10 September, the Turkish army deployed reinforcements, according to the Syrian Observatory for Human Rights.",
        "The London-based monitoring group reported that 20 Turkish military vehicles entered the area.",
        '"The convoy headed towards al-Bara," the group\'s report said.',
    )
    assert [g[0] for g in got] == ["Syrian Observatory for Human Rights"] * 3
    assert [g[2] for g in got] == ["according_to", "anaphora", "anaphora"]


def test_determiners_are_dropped_and_catch_alls_map_to_other_sources():
    got = sources_of(
        "Some pro-militant sources claimed that the explosion was caused by an airstrike.",
        "Other sources say that the incident happened due to poor safety measures.",
    )
    assert [g[0] for g in got] == ["pro-militant sources", "other sources"]


def test_quoted_as_saying_credits_the_quoted_source():
    [(name, _, cue)] = sources_of("SANA reporter quoted a source at Aleppo Police Command as saying that two women were killed.")
    assert (name, cue) == ("Syrian police", "quote")


def test_unknown_sources_are_kept_verbatim_and_no_attribution_is_the_outlet():
    got = sources_of(
        "Swedish chemical weapons expert Ake Sellstrom said the team would visit the site.",
        "The Syrian army launched kamikaze drone strikes on HTS targets in Sarmin.",
        outlet="South Front",
    )
    assert got[0][1] == "unnamed" and "Ake Sellstrom" in got[0][0]
    assert got[1] == ("South Front", "outlet", "outlet")


def test_nouns_are_not_reporting_verbs():
    assert sources_of("The Observatory's report covers the past week.", outlet="X") == [("X", "outlet", "outlet")]
    assert sources_of("Turkey maintains more than 70 military outposts in Idlib.", outlet="X") == [("X", "outlet", "outlet")]


def test_hedging_and_denial():
    assert stance("Gunmen attacked a checkpoint reportedly killing several terrorists.").hedged
    assert stance("The attack was likely conducted by the TIP or its allies.").hedge_cue == "likely"
    assert stance("Some sources claimed that the depot exploded.", verb="claimed").hedged
    assert not stance("The Turkish military shelled Syrian troops near Saraqib.").hedged
    neg = stance("Nonetheless, pro-government sources did not report any casualties.")
    assert neg.negated and neg.negation_cue == "did not report any casualties"
    assert stance("The ministry denied the reports.").negated


def test_coordinated_voices_stay_one_compound_source():
    [(name, kind, _)] = sources_of("Rights groups and local activists say regime forces often strike rebel-held areas.")
    assert (name, kind) == ("Rights groups and local activists", "monitor")
    [(name, _, _)] = sources_of("SANA and state TV reported that shells hit Aleppo.")
    assert name == "SANA and state TV"
