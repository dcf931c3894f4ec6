"""What kind of claim a sentence makes, and whether its figures are cumulative.

An analyst reads "3 soldiers were killed today" (an event), "since January
545 people have been killed" (a running total), "the town is controlled by the
rebels" (background), "Ankara vowed to launch a new offensive" (the future)
and "the Coalition called for an investigation" (a statement) differently, and
only the first makes an incident, counts in its toll and is compared. This
module tells them apart with the cue lexicons of the pack's ``kinds.yaml``:

* a casualty figure is `total` when its clause counts over a period: "since
  <date or the start of the war>", "so far this year", a month or year that
  holds the publication date ("115 persons in 2022" in a 2022 report), a war
  or campaign that "has killed" ("the conflict, which has killed more than
  ..."), a calendar date of the last week with a count in a perfect tense
  ("since February 27, Turkish forces had neutralized 2,212"), "over the past three months"; figures after an operation told as
  over before the report's act ("the previous offensive killed 40"), the
  sentence then `background` when they are all such; otherwise `event`. In
  "3 were killed today, bringing the toll since January to 45" the figure
  before the bringing-clause keeps the act's scope.
* the claim's kind, in this order: an act whose own date lies more than
  `background_after_days` before the publication is `background` (history
  recalled, its toll included: "in 1990, 300 villagers were killed"); a
  direct question ("Does such a shift mean ...?") is a `statement`; a
  figure of the act (scope event) makes an `event`; a future or
  conditional cue before any act it names is `future`; figures that are all
  cumulative, or a cumulative period with a count of acts ("since August 25,
  ISIS carried out 16 attacks"), make a `running_total`; directive and
  evaluative predicates ("called for", "condemned", "amounted to war
  crimes") and denials of policy ("does not need permission") a
  `statement`; habitual adverbs, context openers, a state that has lasted
  since a date, or a state of affairs with no act in the sentence
  `background`; an attributed sentence that names no event a `statement`;
  anything else is an `event`.
* frames that tell no act of their own: a year the date grammar leaves
  unread dating the act ("in the Six-Day War of 1967") makes history; an act
  feared or expected ("in anticipation of a probable attack") the future; a
  toll forecast only its own clause ("another 65 were injured, with the toll
  expected to rise" keeps the 65); negated existence ("there have been no US
  strikes so far") and trends ("escalating attacks", "near-daily air
  strikes") background; interpretations of an act ("was an effort by the
  regime to", "used as a pretext") and accusations of support ("accuses
  Israel of backing them") statements; "In addition, 13 others were injured"
  after a running total adds to it (`refers_to_counted_acts`); a quantity
  changing over time ("surged to a record high") and routine activity
  ("patrolled the coast") background, and so, in a sentence with no date,
  a state lasting months or years ("have besieged the garrison for nearly
  three years") and a perfect progressive ("have been fighting the
  insurgents"); an act told only by a year before the report's ("last
  year") history, unless its figures are a running total's; a month not
  the report's counts as a tally when the sentence names many acts ("380
  killed by airstrikes in January"), and a part of one ("in early
  October") dates an act, not the month so far; a perfect tense of an act
  with a count in words in the report's year ("has killed thousands this
  year") is a running total; an effort under way toward a goal ("is
  fighting to push rebels out"), a campaign under way ("is currently
  carrying out airstrikes"), a record of many acts ("has been the target of
  several attacks") and an act told before set in context by a
  present-tense "comes as" ("Thursday's attack comes as troops are on the
  offensive elsewhere") background, when no act is told; readiness for an
  act ("preparing for a battle", "its next target") the future; what a
  report left out ("made no mention of the attack") a statement; a
  judgement of an act ("was nothing short of barbaric", "show a horrible
  crime"), a demand or a policy denial before a future cue ("called for
  ..., which would", "would never use") and diplomacy ("broke off talks
  over the offensive", "talks to end the conflict have failed") statements;
  a plan for an act ("the president's plan for air strikes") and a
  scheduled step ("is due to meet") the future; with no date, figure nor
  act told, a campaign's change of pace ("the bombings have intensified",
  "was later expanded"), a generality in the present tense ("All movement
  is targeted", "use the air base to bomb"), people displaced over time
  ("Thousands have fled the fighting") and a record of attempts ("has
  attempted several times to advance") background; a statement cue in a
  relative clause after an act ("withdrew to villages whose residents
  oppose IS") no statement.

Each kind keeps the phrase it was read from (`claims.kind_cue`).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from typing import Any, Sequence

from .dates import DateMention, date_interval
from .knowledge import Knowledge, Memo
from .resources import phrase_pattern, regex, trie_pattern
from .sentences import Gate, WordGates, sentence_words, word_gates

__all__ = ["KINDS", "SCOPES", "ClaimKind", "Cumulative", "cumulative_cue", "figure_scopes", "claim_kind", "is_old_date",
           "refers_to_counted_acts", "period_starts", "sentence_words"]

KINDS: tuple[str, ...] = ("event", "running_total", "background", "future", "statement")
SCOPES: tuple[str, ...] = ("event", "total")


@dataclass(frozen=True)
class ClaimKind:
    kind: str  # one of KINDS
    cue: str = ""  # the phrase the kind was read from ("" for an event)
    # an event told as earlier than the act a context frame sets ("This attack came hours after jets struck the
    # town"): the day the paragraph gives is not its own
    earlier: bool = False


@dataclass(frozen=True)
class _Cues:
    future: re.Pattern[str]
    act_link: re.Pattern[str] | None  # a link that opens a clause of its own after a future cue ("as", "after")
    act_link_exception: re.Pattern[str] | None  # its other uses ("such as", "as well as")
    act_link_words: int  # words at most between the link and its clause's act
    act_link_coordinators: frozenset[str]  # a coordinator between them: the act is another verb's
    act_link_pronouns: frozenset[str]  # a pronoun right after the link: a comparison or condition ("as they stormed")
    act_link_earlier: frozenset[str]  # links whose clause tells an earlier act ("after", "hours after")
    conditional: re.Pattern[str]
    speculation: re.Pattern[str] | None  # "whether": an open question about the act after it
    conditional_hedge: re.Pattern[str]
    indirect_question: re.Pattern[str]
    toll_forecast: re.Pattern[str]
    modal_past: re.Pattern[str]
    hedging_modals: frozenset[str]  # "could", "may": a future cue that hedges a past act or a source's knowledge
    modal_not_future: re.Pattern[str] | None  # "could not confirm": a limit of knowledge, not the future
    past_act: re.Pattern[str]
    cumulative: tuple[tuple[re.Pattern[str], frozenset[str]], ...]  # (regex, the gates it needs open)
    cumulative_gates: frozenset[str]  # every gate one of them needs: none open, none runs
    since_comparison: re.Pattern[str]
    since_tally: re.Pattern[str]  # a perfect tense and a count after a recent "since <day>": a tally, not the act's days
    since_tally_days: int  # a recent start date at least this many days before the report can open a tally
    perfect: re.Pattern[str]  # a perfect tense ("had been killed"): a count over time, not one day's acts
    perfect_tally: re.Pattern[str]  # "has killed thousands": an act's verb in a perfect tense and a count in words
    act_determiner_before: re.Pattern[str]  # "the targeted man": a determiner makes the participle an adjective
    period_start: re.Pattern[str]  # "since": a cue that opens with it starts a period
    period_start_before: re.Pattern[str]  # "since the signing of": the date after it starts a period
    period_start_words: frozenset[str]  # the words of `period_starts` (a sentence without them has no period start)
    speech_date: re.Pattern[str] | None  # "said on": the date after it is the telling's
    earlier_operation: re.Pattern[str]  # a cumulative cue that is an operation over before the report's act
    toll_update: re.Pattern[str]
    habitual: re.Pattern[str]
    state: re.Pattern[str]
    context_opener: re.Pattern[str]
    earlier_act_opener: re.Pattern[str] | None  # "The previous two were reported ...": the sentence's first words
    statement: re.Pattern[str]
    statement_relative: re.Pattern[str] | None  # "whose residents": a relative clause the cue after it is in
    meta_reporting: re.Pattern[str] | None  # "there was no comment": about the reporting, not an act
    generic_blame: re.Pattern[str] | None  # "have both denied using chemical weapons": a standing accusation or denial
    definite_act: re.Pattern[str] | None  # "the attack on ...", "this raid": one act named
    figure_of_speech: re.Pattern[str] | None  # "storm in a teacup": an act's words, no act
    pattern_scope: re.Pattern[str] | None  # "in many areas": no one place nor day
    policy_negation: re.Pattern[str]
    policy_modal: re.Pattern[str] | None  # "would never use poison gas": a denial of policy, not the future
    governing: re.Pattern[str] | None  # "called for", "hope": a demand or wish that governs a future cue after it
    question: re.Pattern[str] | None  # a direct question: an opener word first, a question mark at the end
    question_marks: tuple[str, ...]
    act_count: re.Pattern[str]
    counted_acts: re.Pattern[str]
    counted_perfect: re.Pattern[str] | None  # "The strikes have killed 122" after a period: its toll
    background_days: int
    trend: re.Pattern[str] | None  # "escalating attacks": a trend of acts
    absent_act: re.Pattern[str] | None  # "there have been no US strikes": no act happened
    feared_act: re.Pattern[str] | None  # "in anticipation of a probable attack": an act to come
    interpretation: re.Pattern[str] | None  # "was an effort by the regime to", "used as a pretext": no act told
    evaluation: re.Pattern[str] | None  # "was nothing short of barbaric", "a horrible crime": a judgement of an act
    diplomacy: re.Pattern[str] | None  # "broke off talks with", "talks have failed": diplomacy, no act of war
    support_accusation: re.Pattern[str] | None  # "accuses Israel of backing them": a general accusation
    context_subject: re.Pattern[str] | None  # "This escalation in attacks came ...": context of the act before
    concurrent_act: re.Pattern[str] | None  # "coincided with an exchange of rocket fire": an act told beside another
    ordinal_tally: re.Pattern[str] | None  # "this is the 19th Israeli attack on Syrian territory": acts counted
    repetition: re.Pattern[str] | None  # "used chemical weapons 136 times since ...": acts counted since a start
    war_start: re.Pattern[str] | None  # "at the start of Syria's revolution": an act of the war's first days
    warning: re.Pattern[str] | None  # "warned Friday that the fate of ... hangs on a knife-edge": an assessment
    old_year: re.Pattern[str] | None  # a year the date grammar leaves unread ("the Six-Day War of 1967")
    old_year_guard: re.Pattern[str] | None  # "since", a comparison: the year starts or measures a period
    trend_verb_auxiliaries: frozenset[str]  # "were mounting attacks": the trend word is a verb
    continuation: re.Pattern[str] | None  # "In addition, 13 others were injured": the tail of a count
    trend_predicate: re.Pattern[str] | None  # "surged to a record high": a quantity changing over time
    duration: re.Pattern[str] | None  # "for around two years": a stretch of time a state or activity lasted
    progressive: re.Pattern[str] | None  # "have been fighting": an activity that has gone on
    effort: re.Pattern[str] | None  # "is fighting to push rebels out": an effort toward a goal, no act told
    ongoing: re.Pattern[str] | None  # "is currently carrying out airstrikes": a campaign under way
    record: re.Pattern[str] | None  # "has been the target of several attacks": a record of many acts
    context_act: re.Pattern[str] | None  # "Thursday's attack comes as ...": an act told before, set in context
    routine: re.Pattern[str] | None  # "patrolled the border": military activity that is no act of violence
    attempts: re.Pattern[str] | None  # "has attempted several times to advance": a record of attempts
    trend_change: re.Pattern[str] | None  # "the bombings have intensified", "was later expanded": a campaign's change
    displacement: re.Pattern[str] | None  # "Thousands have fled the fighting": people displaced over time
    generic_present: re.Pattern[str] | None  # "All movement is targeted": a generality in the present tense
    means_present: re.Pattern[str] | None  # "use the airfield to bomb": a standing practice
    acts_plural: re.Pattern[str]  # "airstrikes": many acts (a whole month's with figures is a tally)
    part_modifiers: frozenset[str]  # "early October": a part of a month or year, the time of an act, no tally
    # gates: a cue's regex runs only when a sentence holds every word of one
    # of its phrases (`sentences.word_gates`): most never run
    gate_lists: WordGates
    gate_names: dict[int, frozenset[str]]  # word list id -> the gates it opens (each needs one list; -1: none)
    gate_memo: Memo  # sentence words -> open gates (a sentence asks more than once)
    names_memo: Memo  # the word lists a sentence holds -> the gates they open (few sets recur)
    cumulative_memo: Memo  # open gates -> the cumulative cues whose gates all are (few sets recur)


_words = sentence_words
_WORD = re.compile(r"[\w'’-]+")


def _open_gates(cues: "_Cues", words: frozenset[str]) -> frozenset[str]:
    """The gates whose phrases' words a sentence with `words` holds."""
    got = cues.gate_memo.get(words)
    if got is not None:
        return got  # type: ignore[no-any-return]
    met = cues.gate_lists.met(words)
    out = cues.names_memo.get(met)  # (`met` gives one set object per set of lists: its hash is kept)
    if out is None:
        names = cues.gate_names
        out = names[-1]  # the gates no word tells of (a list with a phrase without letters): always open
        for i in met:
            out = out | names[i]
        cues.names_memo.put(met, out)
    return cues.gate_memo.put(words, out)


def _names_by_list(gates: dict[str, Any], needs: Sequence[Gate]) -> dict[int, frozenset[str]]:
    """Word list id -> the names of the gates that need it (`word_gates`
    gives each gate, one list here, as the set of its list's id; -1 holds
    those that need none: always open)."""
    out: dict[int, set[str]] = {-1: set()}
    for name, need in zip(gates, needs):
        for i in need or (-1,):
            out.setdefault(i, set()).add(name)
    return {i: frozenset(v) for i, v in out.items()}


_WAR_SCENE = ("war_scene_verbs", "war_nouns")
_WAR_SCENE_NAMES = frozenset(_WAR_SCENE)
_ACT_COUNT_NAMES = frozenset(("act_count",))
_SINCE_START = ("since", "campaign_nouns", "campaign_start_verbs")
_SINCE_START_NAMES = frozenset(_SINCE_START)


def _build_cues(knowledge: Knowledge) -> _Cues:
    d = knowledge.kinds
    acts = [*d["act_counts"], *(w[:-1] for w in d["act_counts"] if w.endswith("s"))]
    nouns = phrase_pattern(d["campaign_nouns"])
    tolls = phrase_pattern(d["campaign_tolls"])
    span = phrase_pattern(d["span_leads"]) + r"\s+(?:[\w-]+\s+){0,2}?" + phrase_pattern(d["span_units"])
    # a spelled number before a hyphen ("eight-year"): phrase_pattern's edges forbid the hyphen
    spelled = "(?i:" + "|".join(re.escape(w) for w in sorted([*knowledge.numbers["units"], *knowledge.numbers["tens"]],
                                                              key=len, reverse=True)) + ")"
    units = "|".join(re.escape(u) for u in d["campaign_durations"])
    frames = "|".join(re.escape(f) for f in d["campaign_frames"])
    counts = (r"(?:\d[\d,]*|" + phrase_pattern(knowledge.numbers["units"]) + "|"
              + phrase_pattern(knowledge.numbers["tens"]) + ")")
    # "the recently concluded operation", "the army's previous offensive": the
    # adjective after a determiner or a possessive, not the adverb ("earlier today")
    determiners = "|".join(re.escape(w) for w in d["earlier_operation_determiners"])
    earlier = (r"(?<![\w'’-])(?:(?i:" + determiners + r")|[\w-]+['’]s?)\s+"
               + phrase_pattern(d.get("earlier_operations") or []) + r"\s+(?:[\w'’-]+\s+){0,2}?"
               + phrase_pattern(d.get("earlier_operation_nouns") or []))
    since = phrase_pattern(d["period_starts"])  # "since the war began"
    # the ways a sentence counts over a period, each with the word sets a
    # sentence must meet (one word of each) for it to be worth a scan
    cumulative = (
        (phrase_pattern([*d["cumulative"], *d["campaign_scenes"]]), ("cumulative",)),
        (rf"{nouns},?\s+(?:{phrase_pattern(d['campaign_relatives'])}\s+)?(?:\w+\s+)?{tolls}",
         ("campaign_nouns", "campaign_tolls")),
        (since + rf"\s+(?:[\w'’-]+\s+){{0,4}}?{nouns}\s+{phrase_pattern(d['campaign_starts'])}",
         ("since", "campaign_nouns")),
        # "since Turkey launched its operation", "since the regime and Russian jets began an offensive"
        *(((since + rf"\s+(?:[\w'’-]+\s+){{1,6}}?{phrase_pattern(d['campaign_start_verbs'])}\s+"
            rf"(?:[\w'’-]+\s+){{0,3}}?{nouns}(?![\w'’-])", _SINCE_START),)
          if d.get("campaign_start_verbs") else ()),
        (phrase_pattern(d["act_count_frames"]) + rf"\s+{counts}\s+(?:[\w-]+\s+){{0,2}}?"
         + phrase_pattern(d["act_counts"]), ("act_count",)),
        (span, ("span_leads", "span_units")),
        (rf"(?:^|[,;]\s*)(?i:{frames})\s+(?:[\w'’-]+\s+){{0,3}}?"
         rf"(?:(?:\d[\d,]*|{spelled}|{phrase_pattern(d['campaign_duration_quantifiers'])})[-\s](?i:{units})s?(?:-long)?"
         rf"|(?i:{units})s-long)"
         rf"\s+(?:[\w'’-]+\s+){{0,2}}?{nouns}",
         ("campaign_nouns", "campaign_durations")),
        (phrase_pattern(d["record_tolls"]), ("record_tolls",)),
        # "a month of fighting in the province has killed nearly 300": the span's toll
        (r"(?:\d[\d,]*|" + spelled + "|" + phrase_pattern([*d["campaign_duration_quantifiers"],
                                                          *(d.get("campaign_span_articles") or [])])
         + rf")\s+(?i:{units})s?\s+" + phrase_pattern(d.get("campaign_span_links") or []) + rf"\s+(?:[\w'’-]+\s+)?{nouns}"
         + r"[^.;,]{0,60}?" + tolls, ("campaign_nouns", "campaign_durations", "campaign_tolls")),
        # "killed in Syria's 30-month war", "died in the country's civil war"
        (phrase_pattern(d.get("war_scene_verbs") or []) + r"\s+(?:" + phrase_pattern(d["war_scene_determiners"])
         + r"\s+)?(?:[\w-]+['’]s?\s+|[\w-]+s\s+)?"
         rf"(?:(?:\d+|{spelled})-(?i:{units})s?(?:-old|-long)?\s+)?" + phrase_pattern(d.get("war_nouns") or [])
         # the war noun ends its phrase ("killed in war planes raids" is no war's toll)
         + r"(?=\s*(?:[,.;:!?)\"”’]|$)|\s+" + phrase_pattern(d["war_scene_followers"]) + ")",
         _WAR_SCENE),
        (earlier, ("earlier_operations", "earlier_operation_nouns")),
    )
    months = [str(n) for m in knowledge.dates["months"].values() for n in m.get("names", ())]
    if d.get("month_tally_items") and months:
        # "• February: ..." / "- March 2022: ...": a month's tally in a list
        names = "|".join(re.escape(v) for n in sorted(months, key=len, reverse=True) for v in (n, n.upper()))
        cumulative += ((r"^[\W_]*(?:" + names + r")(?:\s+\d{4})?\s*:(?=\s)", ("months",)),)
    perfect = (r"(?<![\w-])" + phrase_pattern(d["since_tally"]["perfects"])
               + r"\s+(?:[a-z]+\s+){0,2}?[a-z]+(?:ed|en|wn|t)\b")
    count = r"(?:\d|" + phrase_pattern(d["since_tally"]["counts"]) + r")"
    perfect_act = (r"(?<![\w-])" + phrase_pattern(d["since_tally"]["perfects"]) + r"\s+(?:[a-z]+\s+){0,2}?"
                   + phrase_pattern(d["past_acts"]))
    gates = {
        "future": [*d["future"], *d["future_lower_case"], *(d.get("scheduled_leads") or [])],
        "conditional": d["conditional"],
        "speculation": d.get("speculations") or [],
        "toll_forecast": d["toll_forecasts"],
        "past_act": d["past_acts"],
        "habitual": d["habitual"],
        "state": d["state"],
        "context_opener": d["context_openers"],
        "earlier_act_opener": d.get("earlier_act_openers") or [],
        "statement": d["statement"],
        "governing": d.get("governing_statements") or [],
        "meta_reporting": d.get("meta_reporting") or [],
        "figure_of_speech": d.get("figures_of_speech") or [],
        "pattern_scope": d.get("pattern_scopes") or [],
        "generic_blame": (d.get("generic_blame") or {}).get("verbs") or [],
        "policy_negation": d["policy_negations"],
        "act_count": d["act_counts"],
        "counted_acts": acts,
        "cumulative": [*d["cumulative"], *d["campaign_scenes"]],
        "campaign_nouns": d["campaign_nouns"],
        "campaign_tolls": d["campaign_tolls"],
        "campaign_start_verbs": d.get("campaign_start_verbs") or [],
        "since": d["period_starts"],
        "span_leads": d["span_leads"],
        "span_units": d["span_units"],
        "campaign_durations": [*d["campaign_durations"], *(f"{u}s" for u in d["campaign_durations"])],
        "record_tolls": d["record_tolls"],
        "war_scene_verbs": d.get("war_scene_verbs") or [],
        "war_nouns": d.get("war_nouns") or [],
        "earlier_operations": d.get("earlier_operations") or [],
        "earlier_operation_nouns": d.get("earlier_operation_nouns") or [],
        "months": months,
        "trend": d.get("trends") or [],
        "absent_act": d.get("absent_act_leads") or [],
        "feared_act": d.get("feared_act_leads") or [],
        "interpretation": [*(d.get("interpretation_nouns") or []), *(d.get("justification_phrases") or [])],
        "support_accusation": d.get("support_accusation_objects") or [],
        "evaluation": d.get("evaluative_adjectives") or [],
        "diplomacy": d.get("diplomacy_nouns") or [],
        "context_subject": d.get("context_verbs") or [],
        "concurrent_act": d.get("concurrent_links") or [],
        "warning": d.get("warning_leads") or [],
        "war_start": (d.get("war_nouns") or []) if d.get("war_start_frames") else [],
        "ordinal_tally": [*(d.get("act_nouns") or []), *acts] if d.get("ordinal_tally_links") else [],
        "repetition": (d.get("repetition_tallies") or {}).get("units") or [],
        "continuation": d.get("continuation_others") or [],
        "acts_plural": d["act_counts"],
        "trend_predicate": d.get("trend_predicates") or [],
        "duration": d.get("duration_units") or [],
        "progressive": d.get("progressives") or [],
        "effort": d.get("ongoing_efforts") or [],
        "ongoing": d.get("ongoing_leads") or [],
        "record": d.get("record_quantifiers") or [],
        "context_act": d.get("context_act_verbs") or [],
        "routine": d.get("routine_activities") or [],
        "attempts": d.get("attempt_verbs") or [],
        "trend_change": [*(d.get("trend_changes") or []), *(d.get("trend_passive_changes") or [])],
        "displacement": d.get("displacement_counts") or [],
        "generic_present": d.get("generic_subjects") or [],
        "means_present": d.get("means_verbs") or [],
        "old_year": [*d["campaign_nouns"], *(d.get("old_year_acts") or [])],  # both of its branches name one
    }
    gate_lists, needs = word_gates([(phrases,) for phrases in gates.values()])
    return _Cues(
        future=regex(phrase_pattern(d["future"]) + "|" + r"(?<![\w-])(?:"
                     + "|".join(re.escape(w) for w in d["future_lower_case"]) + r")(?![\w-])"
                     + _scheduled(d)),
        act_link=regex(phrase_pattern(d["act_clause_links"])) if d.get("act_clause_links") else None,
        act_link_exception=regex(phrase_pattern(d["act_clause_link_exceptions"]))
        if d.get("act_clause_link_exceptions") else None,
        act_link_words=int(d.get("act_clause_max_words", 4)),
        act_link_coordinators=frozenset(w.lower() for w in d.get("act_clause_coordinators") or ()),
        act_link_pronouns=frozenset(w.lower() for w in d.get("act_clause_pronouns") or ()),
        act_link_earlier=frozenset(" ".join(w.lower().split()) for w in d.get("act_clause_earlier_links") or ()),
        conditional=regex(phrase_pattern(d["conditional"])),
        speculation=regex(phrase_pattern(d["speculations"])) if d.get("speculations") else None,
        conditional_hedge=regex(phrase_pattern(d["conditional_hedges"])),
        indirect_question=regex(phrase_pattern(d["indirect_questions"]) + r"\s*$"),
        toll_forecast=regex(phrase_pattern(d["toll_forecasts"])),
        modal_past=regex(r"\s+(?:not\s+)?" + phrase_pattern(d["modal_past"])),
        hedging_modals=frozenset(w.lower() for w in d.get("hedging_modals") or ()),
        modal_not_future=regex(r"\s+" + phrase_pattern(d["modal_not_future"])) if d.get("modal_not_future") else None,
        past_act=regex(phrase_pattern(d["past_acts"])),
        cumulative=tuple((regex(p), frozenset(names)) for p, names in cumulative),
        cumulative_gates=frozenset(n for _, names in cumulative for n in names),
        since_comparison=regex(phrase_pattern(d["since_comparisons"]) + r"(?:\s+[\w'’-]+){0,6}\s*$"),
        # a perfect and a count, either first: "had neutralized 2,212", "120 have been killed"
        since_tally=regex(r"(?:" + perfect + r"[^.;:]{0,80}?" + count + r"|" + count + r"[^.;:]{0,80}?" + perfect + r")"),
        since_tally_days=int(d["since_tally"]["min_days"]),
        perfect=regex(perfect),
        act_determiner_before=regex(phrase_pattern(d["act_determiners"]) + r"\s+$"),
        period_start=regex(r"^" + since),
        period_start_before=regex(since + r"\s+(?:[\w'’-]+\s+){0,4}$"),
        period_start_words=frozenset(w.lower() for p in d["period_starts"] for w in p.split()),
        perfect_tally=regex(perfect_act + r"[^.;:]{0,80}?" + phrase_pattern(d["since_tally"]["counts"]) + "|"
                            + phrase_pattern(d["since_tally"]["counts"]) + r"[^.;:]{0,80}?" + perfect_act),
        speech_date=regex(phrase_pattern(d["speech_date_leads"]) + r"\s+(?:"
                          + phrase_pattern(d.get("speech_date_links") or []) + r"\s+)?$")
        if d.get("speech_date_leads") else None,
        earlier_operation=regex(earlier),
        toll_update=regex(r"[,;]\s*" + phrase_pattern(d["toll_updates"])),
        habitual=regex(phrase_pattern(d["habitual"])),
        state=regex(phrase_pattern(d["state"])),
        context_opener=regex(r"^\W*(?:[\w'’]+\W+){0,3}?" + phrase_pattern(d["context_openers"])),
        earlier_act_opener=regex(r"^\W*" + phrase_pattern(d["earlier_act_openers"]))
        if d.get("earlier_act_openers") else None,
        statement=regex(phrase_pattern(d["statement"])),
        statement_relative=regex(phrase_pattern(d["statement_relatives"]) + r"\s+(?:[\w'’-]+\s+){0,3}$")
        if d.get("statement_relatives") else None,
        meta_reporting=regex(phrase_pattern(d["meta_reporting"])) if d.get("meta_reporting") else None,
        generic_blame=regex(phrase_pattern(d["generic_blame"]["perfects"]) + r"\s+(?:[\w'’-]+\s+){0,2}?"
                            + phrase_pattern(d["generic_blame"]["verbs"]) + r"[^.;]{0,60}?"
                            + phrase_pattern(d["generic_blame"]["objects"]))
        if d.get("generic_blame") else None,
        definite_act=regex(phrase_pattern(d["generic_blame"]["definite_determiners"])
                           + r"\s+(?:[\w'’-]+\s+)?"
                           + phrase_pattern(sorted({c for e in knowledge.events["event_types"] for c in e["cues"]})))
        if d.get("generic_blame") else None,
        figure_of_speech=regex(phrase_pattern(d["figures_of_speech"])) if d.get("figures_of_speech") else None,
        pattern_scope=regex(phrase_pattern(d["pattern_scopes"])) if d.get("pattern_scopes") else None,
        policy_negation=regex(phrase_pattern(d["policy_negations"])),
        policy_modal=regex(phrase_pattern(d["policy_modals"]) + r"\s+" + phrase_pattern(d["policy_modal_negations"]))
        if d.get("policy_modals") and d.get("policy_modal_negations") else None,
        governing=regex(phrase_pattern(d["governing_statements"])) if d.get("governing_statements") else None,
        # the opener in lower case or capitalised ("IS kills 30" is no "is"), the mark at the end but for a
        # closing quote and a short speech tag ("... ? he asked.")
        question=regex(r"^\W*(?:" + trie_pattern({v for w in d["question_openers"] for v in (w, w[:1].upper() + w[1:])})
                       + r")(?![\w'’-])[^\n]*(?:" + "|".join(re.escape(q) for q in d["question_marks"])
                       + r")[\"”’']?(?:\s+[\w'’-]+){0,4}[\s.!\"”’']*$")
        if d.get("question_openers") and d.get("question_marks") else None,
        question_marks=tuple(d.get("question_marks") or ()),
        # "57 attacks", and "the number of attacks ... (has reached 57)"
        act_count=regex(r"(?:(?<![\w.,])" + counts + "|" + phrase_pattern(d["act_count_totals"]) + r")\s+(?:[\w-]+\s+){0,2}?"
                        + phrase_pattern(d["act_counts"])),
        counted_acts=regex(r"^.{0,60}?" + phrase_pattern(d["counted_act_pointers"]) + r"\s+(?:[\w-]+\s+){0,2}?"
                           + phrase_pattern(acts)),
        counted_perfect=regex(r"^\W*" + phrase_pattern(d["counted_act_perfect_pointers"])
                              + r"\s+(?:[\w-]+\s+){0,2}?" + phrase_pattern(acts) + r"\s+" + tolls)
        if d.get("counted_act_perfect_pointers") else None,
        background_days=int(d["background_after_days"]),
        **_build_act_frames(d),
        repetition=_repetition_tally(d, knowledge),
        trend_verb_auxiliaries=frozenset(str(w).lower() for w in d.get("trend_verb_auxiliaries") or ()),
        acts_plural=regex(phrase_pattern(d["act_counts"])),
        # "for around two years", "for several months"
        duration=regex(phrase_pattern(d["duration_leads"]) + r"\s+(?:" + phrase_pattern(d.get("duration_hedges") or [])
                       + r"\s+)?(?:" + counts + "|" + phrase_pattern(d.get("duration_quantifiers") or []) + r")\s+"
                       + phrase_pattern(d["duration_units"])) if d.get("duration_leads") and d.get("duration_units") else None,
        part_modifiers=frozenset(str(w).lower() for w in knowledge.dates.get("modifiers") or ()),
        gate_lists=gate_lists,
        gate_names=_names_by_list(gates, needs),
        gate_memo=Memo(64),
        names_memo=Memo(1 << 12),
        cumulative_memo=Memo(1 << 12),
    )


def _scheduled(d: dict[str, Any]) -> str:
    """The alternative of the future regex for a scheduled step ("is due to
    meet"): a lead of `scheduled_leads` before a verb, not before a
    determiner or a word of `scheduled_not_before` nor an "-ing" word ("was due
    to a rocket", "due to shelling": a cause); "" when the pack leaves it out."""
    if not d.get("scheduled_leads"):
        return ""
    stop = "|".join(re.escape(w) for w in sorted(d.get("scheduled_not_before") or (), key=len, reverse=True))
    guard = rf"(?!(?i:{stop})(?![\w'’-]))" if stop else ""
    return ("|" + phrase_pattern(d["scheduled_leads"]) + r"(?=\s+" + guard
            + r"(?![A-Za-z]+ing(?![\w'’-]))[A-Za-z])")


def _repetition_tally(d: dict[str, Any], knowledge: Knowledge) -> re.Pattern[str] | None:
    """The regex of a count of times since a start ("136 times since the
    Ghouta massacre", "more than forty times since the truce"); None when the
    pack leaves it out."""
    rep = d.get("repetition_tallies") or {}
    if not rep.get("units") or not rep.get("links"):
        return None
    # a count of two or more: digits, or a spelled number other than "one"
    spelled = [w for w in (*knowledge.numbers["units"], *knowledge.numbers["tens"]) if str(w).lower() != "one"]
    count = r"(?:(?<![\w.,])(?!1\s)\d[\d,]*|" + phrase_pattern(spelled) + ")"
    return regex(count + r"\s+" + phrase_pattern(rep["units"]) + r"\s+(?:[\w'’-]+\s+){0,2}?"
                 + phrase_pattern(rep["links"]))


def _build_act_frames(d: dict[str, Any]) -> dict[str, re.Pattern[str] | None]:
    """The regexes of the frames that tell no act of their own (trends,
    negated existence, interpretations, accusations of
    support, context subjects, unread old years, a count's tail); None for a
    frame the pack leaves out."""
    w = r"[\w'’-]+"
    plural = phrase_pattern(d["act_counts"])
    out: dict[str, re.Pattern[str] | None] = dict.fromkeys(
        ("trend", "feared_act", "absent_act", "interpretation", "evaluation", "diplomacy", "support_accusation",
         "context_subject", "concurrent_act", "ordinal_tally", "war_start", "warning",
         "old_year", "old_year_guard", "continuation", "trend_predicate", "progressive", "routine", "effort",
         "ongoing", "record",
         "context_act", "attempts", "trend_change", "displacement", "generic_present", "means_present"))
    if d.get("trends"):
        out["trend"] = regex(phrase_pattern(d["trends"]) + rf"\s+(?:{w}\s+)?" + plural)
    if d.get("feared_act_leads") and d.get("act_nouns"):
        out["feared_act"] = regex(phrase_pattern(d["feared_act_leads"]) + rf"\s+(?:{w}\s+){{0,3}}?"
                                  + phrase_pattern(d["act_nouns"]))
    if d.get("absent_act_leads") and d.get("act_nouns"):
        breaks = "|".join(re.escape(b) for b in d.get("absent_act_breaks") or ())
        mod = rf"(?!(?i:{breaks})(?![\w'’-])){w}\s+" if breaks else rf"{w}\s+"
        out["absent_act"] = regex(phrase_pattern(d["absent_act_leads"])
                                  + rf"\s+(?:{mod}){{0,{int(d.get('absent_act_max_words', 2))}}}?"
                                  + phrase_pattern(d["act_nouns"]))
    alts = []
    if d.get("interpretation_copulas") and d.get("interpretation_nouns"):
        alts.append(phrase_pattern(d["interpretation_copulas"]) + rf"\s+(?:{w}\s+)?"
                    + phrase_pattern(d["interpretation_determiners"]) + rf"\s+(?:{w}\s+)?"
                    + phrase_pattern(d["interpretation_nouns"]))
    if d.get("justification_phrases"):
        alts.append(phrase_pattern(d["justification_phrases"]))
    if alts:
        out["interpretation"] = regex("|".join(f"(?:{a})" for a in alts))
    if d.get("evaluation_links") and d.get("evaluative_adjectives"):
        adjectives = phrase_pattern(d["evaluative_adjectives"])
        out["evaluation"] = regex(phrase_pattern(d["evaluation_links"]) + rf"\s+(?:{w}\s+){{0,3}}?" + adjectives
                                  + (r"|" + adjectives + r"\s+" + phrase_pattern(d["evaluated_nouns"])
                                     if d.get("evaluated_nouns") else ""))
    if d.get("diplomacy_verbs") and d.get("diplomacy_nouns"):
        nouns = phrase_pattern(d["diplomacy_nouns"])
        out["diplomacy"] = regex(phrase_pattern(d["diplomacy_verbs"]) + rf"\s+(?:{w}\s+){{0,3}}?" + nouns
                                 + (r"|" + nouns + rf"\s+(?:{w}\s+){{0,4}}?" + phrase_pattern(d["diplomacy_outcomes"])
                                    if d.get("diplomacy_outcomes") else ""))
    if d.get("support_accusation_verbs") and d.get("support_accusation_objects"):
        out["support_accusation"] = regex(phrase_pattern(d["support_accusation_verbs"]) + rf"\s+(?:{w}\s+){{0,6}}?"
                                          + phrase_pattern(d["support_accusation_links"])
                                          + rf"\s+(?:{w}\s+)?" + phrase_pattern(d["support_accusation_objects"]))
    if d.get("context_subjects") and d.get("context_verbs"):
        alts = [phrase_pattern(d["context_subjects"]) + rf"\s+(?:{w}\s+){{1,3}}?"]
        if d.get("context_speech_determiners") and d.get("context_speech_nouns"):
            # "The announcement from the Kremlin came a day after ...": a telling set in time, no act of its own
            alts.append(phrase_pattern(d["context_speech_determiners"]) + rf"\s+(?:{w}\s+){{0,2}}?"
                        + phrase_pattern(d["context_speech_nouns"]) + rf"\s+(?:{w}\s+){{0,3}}?")
        out["context_subject"] = regex(r"^\W*(?:" + "|".join(f"(?:{a})" for a in alts) + ")"
                                       + phrase_pattern(d["context_verbs"]))
    if d.get("concurrent_links") and d.get("act_nouns"):
        out["concurrent_act"] = regex(phrase_pattern(d["concurrent_links"]) + rf"\s+(?:{w}\s+){{0,3}}?"
                                      + phrase_pattern(d["act_nouns"]))
    if d.get("warning_leads") and d.get("warning_links"):
        out["warning"] = regex(phrase_pattern(d["warning_leads"]) + rf"\s+(?:{w}\s+){{0,3}}?"
                               + phrase_pattern(d["warning_links"]))
    if d.get("war_start_frames") and d.get("war_nouns"):
        # not after "since" ("the deadliest since early in the war"): the frame's first word starts no period
        out["war_start"] = regex(r"(?<!since )(?<!Since )" + phrase_pattern(d["war_start_frames"])
                                 + rf"\s+(?:{w}\s+){{0,2}}?" + phrase_pattern(d["war_nouns"]))
    if d.get("ordinal_tally_links") and d.get("ordinal_tally_ordinals"):
        breaks = "|".join(re.escape(b) for b in d.get("ordinal_tally_breaks") or ())
        mod = rf"(?!(?i:{breaks})(?![\w'’-])){w}\s+" if breaks else rf"{w}\s+"
        singular = [c[:-1] for c in d["act_counts"] if c.endswith("s")]
        out["ordinal_tally"] = regex(phrase_pattern(d["ordinal_tally_links"]) + r"\s+(?i:the)\s+(?:"
                                     + phrase_pattern(d["ordinal_tally_ordinals"])
                                     + r"|(?<![\w-])(?!1st)\d+(?:st|nd|rd|th)(?![\w-]))\s+"
                                     + rf"(?:{mod}){{0,2}}?" + phrase_pattern([*(d.get("act_nouns") or []), *singular]))
    if d.get("old_year_acts"):
        nouns = phrase_pattern([*d["campaign_nouns"], *d["old_year_acts"]])
        year = r"(?P<year>1[89]\d\d|20\d\d)(?![\w-])"
        # "the Six-Day War of 1967" | "the 2013 Ghouta attack", "a lightning 2014 campaign"
        out["old_year"] = regex(nouns + r"\s+" + phrase_pattern(d["old_year_links"]) + r"\s+" + year + "|(?<![\\w.,-])" + year.replace("year", "year2")
                                + r"\s+(?:[A-Z][\w'’-]*\s+){0,3}?" + nouns)
        out["old_year_guard"] = regex(phrase_pattern([*(d.get("old_year_guards") or d["period_starts"]),
                                                      *d["since_comparisons"]]))
    if d.get("trend_predicates"):
        out["trend_predicate"] = regex(phrase_pattern(d["trend_predicates"]))
    if d.get("progressives") and d.get("progressive_suffix"):
        out["progressive"] = regex(phrase_pattern(d["progressives"]) + r"\s+[a-z]+"
                                   + re.escape(str(d["progressive_suffix"])) + r"(?![\w'’-])")
    if d.get("ongoing_efforts"):
        out["effort"] = regex(phrase_pattern(d["ongoing_efforts"]))
    if d.get("ongoing_leads") and d.get("ongoing_campaigns"):
        out["ongoing"] = regex(phrase_pattern(d["ongoing_leads"]) + r"\s+" + phrase_pattern(d["ongoing_campaigns"]))
    if d.get("record_perfects") and d.get("record_frames") and d.get("record_quantifiers"):
        out["record"] = regex(phrase_pattern(d["record_perfects"]) + rf"\s+(?:{w}\s+)?"
                              + phrase_pattern(d["record_frames"]) + r"\s+" + phrase_pattern(d["record_quantifiers"])
                              + rf"\s+(?:{w}\s+){{0,2}}?" + plural)
    if d.get("context_act_verbs") and d.get("act_nouns"):
        out["context_act"] = regex(r"^\W*(?:" + w + r"\s+){0,3}?" + phrase_pattern(d["act_nouns"]) + rf"\s+(?:{w}\s+)?"
                                   + phrase_pattern(d["context_act_verbs"]))
    if d.get("routine_activities"):
        out["routine"] = regex(phrase_pattern(d["routine_activities"]))
    if d.get("record_perfects") and d.get("attempt_verbs") and d.get("attempt_counts"):
        tries = phrase_pattern(d["attempt_counts"])
        out["attempts"] = regex(phrase_pattern(d["record_perfects"]) + rf"\s+(?:{w}\s+)?(?:{tries}\s+"
                                + phrase_pattern(d["attempt_verbs"]) + "|" + phrase_pattern(d["attempt_verbs"])
                                + rf"\s+{tries})\s+(?i:to)(?![\w'’-])")
    if d.get("trend_changes") or d.get("trend_passive_changes"):
        alts = [phrase_pattern(d["record_perfects"]) + rf"\s+(?:{w}\s+){{0,3}}?" + phrase_pattern(d["trend_changes"])] \
            if d.get("trend_changes") and d.get("record_perfects") else []
        if d.get("trend_passive_changes") and d.get("trend_change_auxiliaries"):
            alts.append(phrase_pattern(d["trend_change_auxiliaries"]) + rf"\s+(?:{w}\s+)?"
                        + phrase_pattern(d["trend_passive_changes"]))
        out["trend_change"] = regex("|".join(f"(?:{a})" for a in alts))
    if d.get("displacement_counts") and d.get("displacement_verbs") and d.get("record_perfects"):
        out["displacement"] = regex(phrase_pattern(d["displacement_counts"]) + rf"\s+(?:{w}\s+){{0,3}}?"
                                    + phrase_pattern(d["record_perfects"]) + r"\s+"
                                    + phrase_pattern(d["displacement_verbs"]))
    if d.get("generic_subjects") and d.get("generic_present_auxiliaries"):
        out["generic_present"] = regex(r"(?:(?<![\s\S])|(?<=[\"“])|(?<=[\"“]\s))" + phrase_pattern(d["generic_subjects"])
                                       + rf"\s+(?:{w}\s+){{0,6}}?" + phrase_pattern(d["generic_present_auxiliaries"])
                                       + rf"\s+(?:{w}\s+)?" + phrase_pattern(d["past_acts"]))
    if d.get("means_verbs") and d.get("means_acts"):
        out["means_present"] = regex(phrase_pattern(d["means_verbs"]) + r"\s+[^.;:!?]{0,80}?(?<![\w'’-])(?i:to)\s+"
                                     + phrase_pattern(d["means_acts"]))
    if d.get("continuation_openers") and d.get("continuation_others"):
        out["continuation"] = regex(r"^\W*" + phrase_pattern(d["continuation_openers"]) + rf",?\s+(?:{w}\s+){{0,3}}?"
                                    + phrase_pattern(d["continuation_others"]))
    return out


# --- figures ----------------------------------------------------------------------------

Cumulative = tuple[int, str, bool]  # (position, phrase, lasting)
_UNSET: object = object()


def cumulative_cue(sentence: str, *, knowledge: Knowledge, dates: Sequence[DateMention] = (),
                   published: _dt.date | None = None, words: frozenset[str] | None = None) -> Cumulative | None:
    """(position, phrase, lasting) of the first phrase that makes `sentence`
    count over a period, or None; `lasting` when it opens a period that lasts
    to the report ("since ...", "over the past three months"), not a month or
    year that merely holds the report's date. Compute it once per sentence
    and pass it to `figure_scopes` and `claim_kind`."""
    return _cumulative_cue(sentence, knowledge.derived(_build_cues), dates, published, words)


def _part_of_period(date: DateMention, cues: "_Cues") -> bool:
    """The date names a part of its month or year ("early October",
    "mid-2015"; dates.yaml `modifiers`)."""
    words = date.raw.replace("-", " ").split()
    return bool(words) and words[0].lower() in cues.part_modifiers


def _acts_day(sentence: str, dates: Sequence[DateMention], cues: "_Cues") -> bool:
    """Whether the sentence dates its acts to one day: a day date that is not
    the day of a telling ("said on Tuesday"), in a sentence that counts in no
    perfect tense ("had been killed in 4,000 raids": a count over time)."""
    if cues.perfect.search(sentence) is not None:
        return False
    for x in dates:
        if x.date is None or x.precision != "day" or x.kind == "since":
            continue
        if cues.speech_date is not None and cues.speech_date.search(sentence, max(0, x.start - 20), x.start):
            continue
        return True
    return False


def _cumulative_open(cues: _Cues, gates: frozenset[str]) -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """The cumulative cues (in their order) whose gates are all among `gates`
    (memoised: `_open_gates` gives one set object per set of gates, and few recur)."""
    got = cues.cumulative_memo.get(gates)
    if got is None:
        got = cues.cumulative_memo.put(gates, tuple(c for c in cues.cumulative if gates.issuperset(c[1])))
    return got  # type: ignore[no-any-return]


def _cumulative_cue(sentence: str, cues: _Cues, dates: Sequence[DateMention],
                    published: _dt.date | None, words: frozenset[str] | None = None) -> Cumulative | None:
    found: list[tuple[int, str, bool]] = []
    gates = _open_gates(cues, _words(sentence) if words is None else words)
    for rx, names in (() if gates.isdisjoint(cues.cumulative_gates) else _cumulative_open(cues, gates)):
        m = rx.search(sentence)  # (first: the tests below read the dates, and most searches find nothing)
        if m is None:
            continue
        if names == _WAR_SCENE_NAMES and any(x.precision == "day" and x.kind != "since" for x in dates if x.date is not None):
            continue  # "two soldiers died in the uprising in the town on Monday": that day's act
        if names == _ACT_COUNT_NAMES and _acts_day(sentence, dates, cues):
            continue  # "nine were killed in three suicide attacks on Wednesday": that day's acts
        if names == _SINCE_START_NAMES and any(x.precision == "day" and x.kind != "since" and x.start < m.start()
                                               for x in dates if x.date is not None):
            # "a helicopter was shot down on Monday, ... the biggest loss since they started operations": the
            # day's act, set against the campaign
            continue
        while m is not None:
            if cues.period_start.match(m.group(0)) and cues.since_comparison.search(sentence[max(0, m.start() - 60):m.start()]):
                m = rx.search(sentence, m.end())  # "the first report ... since the start of the operation"
                continue
            found.append((m.start(), m.group(0), True))
            break
    if not dates:
        return min(found) if found else None
    has_day = any(x.precision == "day" and x.kind != "since" for x in dates if x.date is not None)
    for x in dates:
        if x.date is None:
            continue
        if x.kind == "since":
            if cues.since_comparison.search(sentence[max(0, x.start - 60):x.start]):
                continue  # "the deadliest attack since 2018": a comparison
            if published is not None and x.precision == "day" and (published - x.date).days <= 7:
                # "since Saturday": the act's own days (the week's running
                # story), unless a calendar date starts it and the sentence
                # counts in a perfect tense over two days or more ("since
                # February 27, Turkish forces had neutralized 2,212", "120
                # have been killed since March 6") and dates no act of a day
                # after it ("..., where 5 were killed on Tuesday"): a tally,
                # which makes figures totals but no background of itself
                # (not lasting)
                if x.month is not None and (published - x.date).days >= cues.since_tally_days and \
                        not any(y.start > x.start and y.kind != "since" and y.precision == "day" for y in dates) and \
                        cues.since_tally.search(sentence) is not None:
                    found.append((x.start, x.raw, False))
                continue
            found.append((x.start, x.raw, True))
        elif published is not None and not has_day and x.precision in ("month", "year"):
            if _part_of_period(x, cues):
                continue  # "in early October": a part of the month, the time of an act, not the month so far
            lo, hi = date_interval(x.date.isoformat(), x.precision)
            if lo is not None and hi is not None and lo <= published.toordinal() <= hi:
                found.append((x.start, x.raw, False))  # "in 2022" in a 2022 report: so far this year
            elif x.precision == "month" and "acts_plural" in gates and cues.acts_plural.search(sentence) is not None:
                found.append((x.start, x.raw, False))  # "380 civilians killed by airstrikes in January": a month's tally
    return min(found) if found else None


def figure_scopes(sentence: str, spans: Sequence[tuple[int, int]], *, knowledge: Knowledge,
                  dates: Sequence[DateMention] = (), published: _dt.date | None = None,
                  zero: Sequence[bool] = (), cumulative: Any = _UNSET) -> list[str]:
    """`event` or `total` for each casualty figure of `sentence` (its span in
    the sentence); `zero` marks reported absences ("no casualties"), which
    are always about the act; `cumulative`: the sentence's `cumulative_cue`
    when already computed."""
    cues = knowledge.derived(_build_cues)
    if not spans:
        return []
    cue = _cumulative_cue(sentence, cues, dates, published) if cumulative is _UNSET else cumulative
    if cue is None:
        return ["event"] * len(spans)
    boundary = None
    for b in cues.toll_update.finditer(sentence):
        if b.start() <= cue[0]:
            boundary = b.start()
    if _earlier_operation(cue, cues):
        boundary = cue[0]  # "six died on Tuesday, while the previous offensive had killed 40"
    out = []
    for k, (start, _) in enumerate(spans):
        if k < len(zero) and zero[k]:
            out.append("event")
        elif boundary is not None and start < boundary:
            out.append("event")
        else:
            out.append("total")
    return out


# --- claims -----------------------------------------------------------------------------

def period_starts(sentence: str, dates: Sequence[DateMention], *, knowledge: Knowledge,
                  words: frozenset[str] | None = None) -> list[DateMention]:
    """`dates` with those that start a period marked `since`: "since the
    signing of the March 5 agreement", "since a July 19 summit" (the date
    grammar marks only "since March 5"). Such a date dates no act. `words`:
    the sentence's `sentence_words` when already computed (an ASCII sentence
    without "since" has none)."""
    cues = knowledge.derived(_build_cues)
    if words is not None and cues.period_start_words.isdisjoint(words) and sentence.isascii():
        return list(dates)
    out = []
    for d in dates:
        if d.kind != "since" and cues.period_start_before.search(sentence, max(0, d.start - 48), d.start):
            d = replace(d, kind="since")
        out.append(d)
    return out


def _earlier_operation(cue: Cumulative | None, cues: _Cues) -> bool:
    """The cumulative cue is an operation told as over before the report's
    act ("the recently concluded operation"), not a period lasting to it."""
    return cue is not None and cues.earlier_operation.fullmatch(cue[1]) is not None


def refers_to_counted_acts(sentence: str, *, knowledge: Knowledge, words: frozenset[str] | None = None,
                           own_act: bool = False) -> bool:
    """The sentence opens on the acts a running total just counted ("These
    attacks left 17 people dead", "According to SOHR statistics, these
    operations left 91 persons dead"), or adds to their count ("In
    addition, 13 others were injured"): its figures are that total's; an
    addition that tells an act of its own (`own_act`: its own date or place,
    "Also, 5 more were killed in a strike on Ariha on Monday") is a new act.
    `words`: the sentence's `sentence_words` when already computed."""
    cues = knowledge.derived(_build_cues)
    gates = _open_gates(cues, _words(sentence) if words is None else words)
    if not own_act and "continuation" in gates and cues.continuation is not None \
            and cues.continuation.match(sentence) is not None:
        return True  # "In addition, 13 others were injured." after a month's tally
    if "counted_acts" not in gates:
        return False
    if not own_act and cues.counted_perfect is not None and cues.counted_perfect.match(sentence) is not None:
        return True  # "The strikes have killed 122 civilians." after "airstrikes have intensified since July 31"
    return cues.counted_acts.match(sentence) is not None


def is_old_date(date: DateMention | None, published: _dt.date | None, *, knowledge: Knowledge) -> bool:
    """The act's own date lies more than `background_after_days` before the
    publication date (history recalled, not the report's news)."""
    return _is_old(date, published, knowledge.derived(_build_cues).background_days)


def _is_old(date: DateMention | None, published: _dt.date | None, background_days: int, *,
            by_year: bool = True) -> bool:
    if date is None or date.date is None or published is None or date.kind == "since":
        return False
    if date.precision in ("day", "reported"):  # `date_interval` of a day: [d, d], without the ISO round trip
        return published.toordinal() - date.date.toordinal() > background_days
    if by_year and date.precision == "year" and date.date.year < published.year:
        return True  # "captured the town last year": a year's act told only by its year is history
    _, hi = date_interval(date.date.isoformat(), date.precision)
    if hi is None:
        return False
    return published.toordinal() - hi > background_days


_EVENT = ClaimKind("event")  # frozen: shared by every event claim
_EARLIER_EVENT = ClaimKind("event", earlier=True)
_DIGITS4 = regex(r"\d{4}")



def _old_year(sentence: str, cues: _Cues, dates: Sequence[DateMention], published: _dt.date | None,
              figure_starts: Sequence[int]) -> re.Match[str] | None:
    """A year the date grammar left unread ("the Six-Day War of 1967") that
    lies more than `background_days` before the publication, not a count
    (no figure starts on it), nor after "since" or a comparison, nor in
    brackets, nor in an aside after the act and a comma ("killed 12 in
    Ariha, a town devastated in the 2019 offensive")."""
    if cues.old_year is None or published is None:
        return None
    for m in cues.old_year.finditer(sentence):
        g = "year" if m.group("year") else "year2"
        a, b = m.span(g)
        if any(x.start < b and a < x.end for x in dates) or any(a <= f < b for f in figure_starts):
            continue
        if sentence[max(0, a - 1):a] == "(" or (cues.old_year_guard is not None and cues.old_year_guard.search(
                " ".join(sentence[:a].split()[-6:])) is not None):
            continue
        act = cues.past_act.search(sentence, 0, a)
        if act is not None and "," in sentence[act.end():a]:
            continue  # "Jets killed 12 in Ariha, a town devastated in the 2019 offensive": an aside's year
        if published.toordinal() - _dt.date(int(m.group(g)), 12, 31).toordinal() > cues.background_days:
            return m
    return None


def _act(sentence: str, cues: _Cues, gates: frozenset[str]) -> re.Match[str] | None:
    """The first verb of an act that has happened; a participle after a
    determiner is an adjective ("the targeted man"), not an act."""
    if "past_act" not in gates:
        return None
    for m in cues.past_act.finditer(sentence):
        if not cues.act_determiner_before.search(sentence, max(0, m.start() - 8), m.start()):
            return m
    return None


def _any_act_before(sentence: str, end: int, cues: _Cues, gates: frozenset[str]) -> bool:
    """Whether a verb of an act, even one after a determiner ("those
    killed"), comes before `end`."""
    return "past_act" in gates and cues.past_act.search(sentence, 0, end) is not None


def _future(sentence: str, cues: _Cues, gates: frozenset[str]) -> re.Match[str] | None:
    if "future" in gates:
        for m in cues.future.finditer(sentence):
            if m.group(0).lower() in cues.hedging_modals and (
                    cues.modal_past.match(sentence, m.end())
                    or (cues.modal_not_future is not None and cues.modal_not_future.match(sentence, m.end()))):
                continue  # "could have been": a hedge on a past act; "could not confirm": what a source knows
            return m
    if cues.feared_act is not None and "feared_act" in gates:
        m = cues.feared_act.search(sentence)
        if m is not None:
            return m  # "in anticipation of a probable attack by drones"
    if "conditional" not in gates:
        return None
    for m in cues.conditional.finditer(sentence):
        if cues.conditional_hedge.match(sentence, m.start()):
            continue  # "if confirmed": a hedge on a report
        if cues.indirect_question.search(sentence, max(0, m.start() - 16), m.start()):
            continue  # "it was unclear if ...": a question, not a condition
        return m
    return None


def _act_clause_after(sentence: str, fut: re.Match[str], act: re.Match[str] | None,
                      cues: _Cues) -> re.Match[str] | None:
    """The link of `act_clause_links` that stands between the future cue
    `fut` and the act `act` told after it in a clause of its own ("warned of
    further bloodshed as Russian jets struck a market"), or None."""
    if act is None or cues.act_link is None or act.start() < fut.end():
        return None
    for m in cues.act_link.finditer(sentence, fut.end(), act.start()):
        exc = cues.act_link_exception
        if exc is not None and any(e.start() <= m.start() < e.end()
                                   for e in exc.finditer(sentence, max(0, m.start() - 12), min(len(sentence), m.end() + 12))):
            continue  # "such as", "as well as": not a clause of its own
        between = [w.lower() for w in _WORD.findall(sentence, m.end(), act.start())]
        if between and between[0] in cues.act_link_pronouns:
            continue   # "will storm the town as they stormed Daraya": a comparison, not an act told
        if len(between) <= cues.act_link_words and not cues.act_link_coordinators.intersection(between):
            return m
    return None


def _context_tells_act(sentence: str, frame: re.Match[str], act: re.Match[str] | None, cues: _Cues,
                       gates: frozenset[str]) -> str:
    """Whether the context frame `frame` ("This attack came ...", "It is
    worth noting that ...") tells an act of its own after it: a clause
    linked to it whose verb is an act ("came less than 24 hours after jets
    targeted the countryside": "earlier", an act before the one the frame
    sets), or an act noun after a concurrent link ("coincided with an
    exchange of rocket fire": "concurrent"); "" when it tells none."""
    link = _act_clause_after(sentence, frame, act, cues)
    if link is not None:
        return "earlier" if " ".join(link.group(0).lower().split()) in cues.act_link_earlier else "concurrent"
    if cues.concurrent_act is not None and "concurrent_act" in gates \
            and cues.concurrent_act.search(sentence, frame.end()) is not None:
        return "concurrent"
    return ""


def _no_act_frame(sentence: str, cues: _Cues, gates: frozenset[str], act: re.Match[str] | None,
                  dated: bool) -> re.Match[str] | None:
    """A frame that tells no act of its own, in a sentence without a figure
    of an act: a quantity changing over time ("complaints surged to a record
    high"), a routine activity ("warplanes patrolled the coast"), and, in a
    sentence with no date (not even "since Monday": the week's running
    story), a stretch of time a state lasted ("have besieged the garrison
    for nearly three years"), an activity in a perfect progressive ("have
    been fighting the insurgents"), an effort under way ("is fighting to
    push rebels out"), a campaign under way ("is currently carrying out
    airstrikes") or a record of many acts ("has still been the target of
    several attacks") - each unless an act is told before it (a lasting
    state's own perfect tense aside); and an act told before set in context
    ("Thursday's attack comes as ..."). Routine activity, a progressive, an
    effort and a context never beside an act told (`past_acts`)."""
    for name, rx, undated in (("trend_predicate", cues.trend_predicate, False), ("routine", cues.routine, False),
                              ("duration", cues.duration, True), ("progressive", cues.progressive, True),
                              ("effort", cues.effort, True), ("ongoing", cues.ongoing, True),
                              ("record", cues.record, True), ("context_act", cues.context_act, False),
                              ("attempts", cues.attempts, True), ("trend_change", cues.trend_change, True),
                              ("displacement", cues.displacement, True),
                              ("generic_present", cues.generic_present, True),
                              ("means_present", cues.means_present, True)):
        if rx is None or name not in gates or (undated and dated):
            continue
        m = rx.search(sentence)
        if m is not None and name == "means_present" and cues.act_determiner_before.search(
                sentence, max(0, m.start() - 8), m.start()):
            m = None  # "the use of barrel bombs to kill": a noun
        if m is None:
            continue
        if name in ("routine", "progressive", "effort", "ongoing", "record", "context_act", "trend_change",
                    "means_present") and act is not None:
            continue  # "a patrol was ambushed", "have been fighting and took two villages": the act is told
        if name in ("displacement", "generic_present") and act is not None and (
                act.start() < m.start() or cues.past_act.search(sentence, m.end()) is not None):
            continue  # the frame's own verb ("have fled", "is targeted") is its only act
        lasting = cues.perfect.search(sentence, 0, m.start()) if name == "duration" else None
        if lasting is not None and _any_act_before(sentence, lasting.start(), cues, gates):
            lasting = None  # the perfect comes after an act told
        if undated and lasting is None and _any_act_before(sentence, m.start(), cues, gates):
            continue  # "Among those killed were militiamen who have fought for years": the act is told
        if act is None or m.start() <= act.start() or name == "duration":
            return m
    return None


def _statement(sentence: str, cues: _Cues, gates: frozenset[str], act: re.Match[str] | None) -> re.Match[str] | None:
    """The first statement cue that is not in a relative clause after the
    act told `act` ("withdrew on Friday to villages whose residents oppose
    IS": the cue tells about the villages, the claim is the withdrawal)."""
    if "statement" not in gates:
        return None
    for m in cues.statement.finditer(sentence):
        if act is not None and act.end() <= m.start() and cues.statement_relative is not None \
                and cues.statement_relative.search(sentence, max(act.end(), m.start() - 40), m.start()):
            continue
        return m
    return None


def _governing_statement(sentence: str, fut: re.Match[str], cues: _Cues,
                         gates: frozenset[str]) -> re.Match[str] | None:
    """A statement that governs the future cue `fut`, told before any act: a
    modal denial of policy ("would never use poison gas") or a demand or wish
    before it ("called for the implementation of resolution 2118, which says
    the council would take measures", "I hope this will ..."), unless a
    condition opens before it ("If it is necessary, we will wipe them out":
    a threat). A belief about what will happen stays a prediction."""
    if cues.policy_modal is not None and "policy_negation" in gates:
        m = cues.policy_modal.match(sentence, fut.start())
        if m is not None:
            return m
    if cues.governing is None or "governing" not in gates:
        return None
    m = cues.governing.search(sentence, 0, fut.start())
    if m is None or ("conditional" in gates and cues.conditional.search(sentence, 0, m.start()) is not None):
        return None
    return m


def claim_kind(sentence: str, *, knowledge: Knowledge, scopes: Sequence[str] = (),
               figure_starts: Sequence[int] = (), date: DateMention | None = None,
               dates: Sequence[DateMention] = (), published: _dt.date | None = None,
               names_event: bool = True, negated: bool = False, negation_cue: str = "",
               cumulative: Any = _UNSET, words: frozenset[str] | None = None) -> ClaimKind:
    """The kind of the claim `sentence` makes (see the module docstring).

    `scopes` and `figure_starts`: its casualty figures' scopes and positions
    in the sentence; `date`: the claim's own date mention (None when it has
    none); `dates`: every date mention of the sentence; `names_event`: the
    sentence has an event cue or a figure (an attributed sentence without one
    is a statement); `negated`: the sentence denies something (a denial of an
    act is an event, a denial of policy a statement); `negation_cue`: the
    denial phrase (a dated denial told before a future or policy cue denies
    an act of that day, "denied using chemical weapons in X on Tuesday, ...
    has never used them and will not": an event, not the future or a
    policy); `cumulative`: the sentence's `cumulative_cue` when already
    computed."""
    cues = knowledge.derived(_build_cues)
    if words is None:
        words = sentence_words(sentence)
    if cumulative is _UNSET:
        cumulative = _cumulative_cue(sentence, cues, dates, published, words)
    gates = _open_gates(cues, words)
    if _earlier_operation(cumulative, cues):
        if scopes and "event" not in scopes:
            return ClaimKind("background", cumulative[1])  # an earlier operation's result
        cumulative = None  # an act told beside an earlier operation is still an act
    if cumulative is not None and cumulative[2] and "event" not in scopes and (
            scopes or (cues.act_count.search(sentence) if "act_count" in gates else None)):
        return ClaimKind("running_total", cumulative[1])  # "since June 2019, ... 1,323 attacks"
    if date is not None and _is_old(date, published, cues.background_days) and not (
            scopes and all(s == "total" for s in scopes) and not _is_old(date, published, cues.background_days,
                                                                           by_year=False)):
        # (a figure too large for one act, told with "last year", stays a running total)
        return ClaimKind("background", date.raw)
    if date is not None and date.precision in ("month", "year") and _part_of_period(date, cues) and not (
            scopes and all(s == "total" for s in scopes)):
        # "In early October four bombers blew themselves up ...": an earlier act recalled, told by a part of its
        # month; its vague date would merge it with any act of that month
        return ClaimKind("background", date.raw)
    old = _old_year(sentence, cues, dates, published, figure_starts) \
        if date is None and "old_year" in gates and _DIGITS4.search(sentence) else None
    if old is not None:
        return ClaimKind("background", old.group(0))  # "Israel seized the Golan in the Six-Day War of 1967"
    m = cues.war_start.search(sentence) if cues.war_start is not None and date is None and "war_start" in gates \
        else None
    if m is not None:
        return ClaimKind("background", m.group(0))  # "Hama was in rebel hands at the start of Syria's revolution"
    m = cues.toll_forecast.search(sentence) if "toll_forecast" in gates else None
    if m is not None and not any(s == "event" and p < m.start() for s, p in zip(scopes, figure_starts)):
        return ClaimKind("future", m.group(0))  # "another 65 were injured, with the toll expected to rise": the 65 stay
    if cues.question is not None:
        m = cues.question.match(sentence)
        if m is not None:  # "Did the strike kill 5 civilians?": a direct question asserts nothing
            return ClaimKind("statement", next(q for q in cues.question_marks if q in m.group(0)))
    if "event" in scopes:
        return _EVENT
    m = cues.repetition.search(sentence) if cues.repetition is not None and date is None \
        and "repetition" in gates else None
    if m is not None and not any(x.kind == "since" and x.date is not None and published is not None
                                 and (published - x.date).days <= 7 for x in dates):
        # "Assad used chemical weapons 136 times since the Ghouta massacre": a tally of acts (a start within the
        # last week, "hit three times since Monday", is the week's running story, left to the rules below)
        return ClaimKind("running_total", m.group(0))
    act = _act(sentence, cues, gates)
    # a dated denial ("denied on Tuesday using ...") is about an act of that day, told first
    denial = sentence.find(negation_cue) if negated and negation_cue and date is not None else -1
    fut = _future(sentence, cues, gates)
    if fut is not None:
        first = min([p for p in (act.start() if act else None, *figure_starts, denial if denial >= 0 else None)
                     if p is not None], default=None)
        if (first is None or fut.start() < first) and not _act_clause_after(sentence, fut, act, cues):
            m = _governing_statement(sentence, fut, cues, gates)
            if m is not None:
                return ClaimKind("statement", m.group(0))  # "called for ..., which would", "would never use"
            return ClaimKind("future", fut.group(0))
    spec = cues.speculation.search(sentence) if cues.speculation is not None and "speculation" in gates else None
    if spec is not None and not scopes and date is None and not _any_act_before(sentence, spec.start(), cues, gates):
        # "Their fate is unknown, whether they were released or arrested"; not
        # "31 civilians were among those killed, but it was unclear whether ..."
        return ClaimKind("statement", spec.group(0))
    if scopes and all(s == "total" for s in scopes):
        return ClaimKind("running_total", cumulative[1] if cumulative else "")
    if cumulative is not None and (cues.act_count.search(sentence) if "act_count" in gates else None) is not None:
        return ClaimKind("running_total", cumulative[1])
    m = cues.ordinal_tally.search(sentence) if cues.ordinal_tally is not None and act is None \
        and "ordinal_tally" in gates else None
    if m is not None:
        return ClaimKind("running_total", m.group(0))  # "this is the 19th Israeli attack on Syrian territory"
    if cumulative is not None and not cumulative[2] and not scopes and cues.perfect_tally.search(sentence) is not None:
        return ClaimKind("running_total", cumulative[1])  # "feuding that has killed scores of fighters this year"
    policy = cues.policy_negation.search(sentence) if "policy_negation" in gates else None
    if policy is not None and act is None and not 0 <= denial < policy.start():
        return ClaimKind("statement", policy.group(0))
    m = cues.generic_blame.search(sentence) if cues.generic_blame is not None and date is None \
        and "generic_blame" in gates else None
    if m is not None and (cues.definite_act is None or cues.definite_act.search(sentence, m.end()) is None):
        # "have both denied using chemical weapons"; not "has accused X of using sarin in the attack on Y"
        return ClaimKind("background", m.group(0))
    m = cues.absent_act.search(sentence) if cues.absent_act is not None and "absent_act" in gates \
        and date is None and act is None else None
    if m is not None:
        return ClaimKind("background", m.group(0))  # "There have been no US strikes so far": no act told
    if negated:
        return _EVENT  # "the minister said the allegations were fabricated": a denial of an act
    m = _statement(sentence, cues, gates, act)
    if m is not None:
        return ClaimKind("statement", m.group(0))
    for name, rx in (("interpretation", cues.interpretation), ("evaluation", cues.evaluation),
                     ("diplomacy", cues.diplomacy), ("support_accusation", cues.support_accusation),
                     ("warning", cues.warning)):
        m = rx.search(sentence) if rx is not None and name in gates else None
        if m is not None and (act is None or m.start() <= act.start()):
            # "the bombing campaign was an effort by the regime to ...", "was nothing short of barbaric",
            # "broke off talks over the offensive", "accuses Israel of backing them", "warned that the fate of ..."
            return ClaimKind("statement", m.group(0))
    m = cues.meta_reporting.search(sentence) if cues.meta_reporting is not None and "meta_reporting" in gates \
        and date is None else None
    if m is None and cues.figure_of_speech is not None and "figure_of_speech" in gates:
        m = cues.figure_of_speech.search(sentence)
    if m is not None and (act is None or m.start() <= act.start()):
        # "There was no comment from the army on the attack", "hit out at the envoy"
        return ClaimKind("statement", m.group(0))
    recalled = False  # the act is told in a clause after a context frame, as earlier than the frame's act
    m = ((cues.habitual.search(sentence) if "habitual" in gates else None)
         or (cues.pattern_scope.search(sentence)
             if cues.pattern_scope is not None and date is None and "pattern_scope" in gates else None))
    if m is None:
        m = ((cues.context_opener.search(sentence) if "context_opener" in gates else None)
             or (cues.earlier_act_opener.match(sentence)
                 if cues.earlier_act_opener is not None and "earlier_act_opener" in gates else None)
             or (cues.context_subject.match(sentence)
                 if cues.context_subject is not None and "context_subject" in gates else None))
        told = _context_tells_act(sentence, m, act, cues, gates) if m is not None else ""
        if told:
            m = None  # "This attack came hours after jets targeted the town": an act recalled
            recalled = told == "earlier"
    if m is not None:
        return ClaimKind("background", m.group(0).strip())
    m = cues.trend.search(sentence) if cues.trend is not None and "trend" in gates else None
    if m is not None and sentence[:m.start()].split()[-1:] and \
            sentence[:m.start()].split()[-1].lower() in cues.trend_verb_auxiliaries:
        m = None  # "rebels were mounting attacks": a verb, acts told
    if m is not None and (act is None or m.start() <= act.start()):
        return ClaimKind("background", m.group(0))  # "escalating attacks by ISIS", "near-daily air strikes"
    m = _no_act_frame(sentence, cues, gates, act, date is not None or any(x.date is not None for x in dates))
    if m is not None:
        return ClaimKind("background", m.group(0))
    if cumulative is not None and cumulative[2]:
        return ClaimKind("background", cumulative[1])  # a state that has lasted since a date
    m = cues.state.search(sentence) if "state" in gates else None
    if m is not None and act is None:
        return ClaimKind("background", m.group(0))
    if not names_event and act is None:
        return ClaimKind("statement")
    return _EARLIER_EVENT if recalled else _EVENT
