"""The public tables: names, column order, dtypes and meaning.

This module is the contract between stages and with users. Every stage returns
DataFrames conformed to these specs, the writer stores them as CSV and Parquet,
and the README documents every column listed here (tests check both).
Required columns come first in the order given by the foundation issue; the
others are extra columns users may also rely on.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pyarrow as pa

__all__ = ["Column", "TABLES", "TABLE_ORDER", "columns", "conform", "conforms", "empty", "frame", "frame_columns"]


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # a pandas dtype name: "string", "Int64", "Float64", "boolean"
    doc: str
    required: bool = True


def _c(name: str, dtype: str, doc: str, required: bool = True) -> Column:
    return Column(name, dtype, doc, required)


S, I, F, B = "string", "Int64", "Float64", "boolean"  # noqa: E741 (the four dtypes, as the tables read them)


def _deaths_of(category: str, adjective: str, who: str, empty: str = "") -> tuple[Column, ...]:
    """`incidents`' low/best/high death columns of one `casualties.category`,
    read as the `casualties_*` columns are: one wording for every category."""
    return (
        _c(f"{category}_low", I, f"As `casualties_low`, {who} only (`casualties.category = {category}`){empty}.", False),
        _c(f"{category}_best", I, f"As `casualties_best`, {adjective} deaths only.", False),
        _c(f"{category}_high", I, f"As `casualties_high`, {adjective} deaths only.", False),
    )

TABLES: dict[str, tuple[Column, ...]] = {
    "documents": (
        _c("doc_id", S, "Stable id: the file name without extension (plus a short content hash when two corpora share a name), or the value of the id column for tabular corpora."),
        _c("path", S, "File path as given, or `table.csv#row=N` for tabular corpora."),
        _c("outlet", S, "Publishing outlet, in one canonical spelling (the knowledge pack's outlets: 'dailysabah' and 'DAILY SABAH' are Daily Sabah): from the manifest or `--columns outlet=`, else read from the text (byline 'By X', an outlet line 'DAILY SABAH WITH AA', the outlet's date line 'Anadolu Agency | 28.02.2020', a wire dateline 'ANKARA (AA) –', 'Damascus, SANA –', 'Idlib Province – Syrian Observatory for Human Rights:') or the page's `og:site_name`; empty when unknown."),
        _c("republished_by", S, "Site that republished the article (e.g. Global Research); empty when none."),
        _c("title", S, "Title (manifest, title column, or first heading line)."),
        _c("published", S, "Publication date, ISO `YYYY-MM-DD`, or empty when unknown."),
        _c("published_precision", S, "How exact `published` is: day, month, year, estimated, unknown."),
        _c("duplicate_of", S, "doc_id of the earlier copy when this document republishes the same body; empty otherwise. Duplicates never count as independent accounts."),
        _c("n_chars", I, "Length of the clean `text` in characters."),
        _c("n_claims", I, "Number of rows in `claims` for this document."),
        _c("text", S, "Clean text (boilerplate removed, broken paragraphs repaired). All offsets in other tables index into it."),
        _c("corpus", S, "The corpus argument the document came from.", False),
        _c("url", S, "Source URL from the manifest or table, when given.", False),
        _c("published_raw", S, "The phrase the publication date was read from (e.g. 'Global Research, September 08, 2020'), or `manifest`.", False),
        _c("outlet_raw", S, "What `outlet` was read from, as written: the manifest or column value ('dailysabah'), the byline, outlet or date line, the wire dateline ('ANKARA (AA) –'), the credit line or the page's site name; empty when unknown.", False),
        _c("author", S, "The person a byline ('By Karim Haddad, Associated Press') or the page's `author` metadata names; empty when none.", False),
        _c("encoding", S, "Encoding the file was decoded with (utf-8, utf-8-sig, cp1252, ...).", False),
        _c("governorate", S, "Main governorate (admin-1 unit, as `claims.governorate`) of the document: the most cited in its place names, those in the headline and lede counting three times and those beside a death toll twice (the article's main incident is where people were killed); the places of a running total (a tally over a period) do not count.", False),
        _c("raw_map", S, "JSON list of `[clean_start, raw_start, length]` runs mapping clean-text offsets back to raw-file offsets.", False),
        _c("main_incident_id", S, "The incident the report is mainly about (from `align`): the incident of the first act it tells (headline and lede) that is dated to the day and placed; else of its first act; a republished copy's is its original's. A running total, background or a statement never is. Empty when the report tells no act.", False),
    ),
    "claims": (
        _c("claim_id", S, "Stable id from a hash of doc_id and the sentence span."),
        _c("doc_id", S, "Document the claim comes from."),
        _c("start", I, "Start offset of the sentence in the document's clean text."),
        _c("end", I, "End offset (exclusive) of the sentence."),
        _c("sentence", S, "The sentence that carries the claim (`text[start:end]`); of a sentence giving two voices two accounts, the part one voice tells."),
        _c("source", S, "Canonical name of who the claim is attributed to: a source of the knowledge pack, a state's government or ministry ('Turkey's foreign ministry' -> Turkish government), an actor, a person or organisation the text names, an armed group the text names by its head word ('Sawaiq al-Rahman Brigade', type partisan), an unnamed group ('other sources', 'activists'), or two coordinated voices as one joint voice ('Syrian Observatory for Human Rights and Syria Civil Defence': each part by its canonical name, the type and side of the first part the knowledge holds; compare counts it as one account of its own); the outlet for its own voice, also when the phrase the text offers names no speaker (kept in `source_raw`)."),
        _c("source_type", S, "official, monitor, partisan (also an armed group the text names that the knowledge lacks: side unknown), media, local, unnamed, person (a person the text names, no office resolved), organisation (a body the text names that the knowledge lacks, not an armed group), outlet."),
        _c("source_side", S, "turkey, syrian_government, opposition, russia, kurdish, iran, us_coalition, independent, unknown, ..."),
        _c("outlet", S, "Publishing outlet of the document."),
        _c("hedged", B, "The claim is hedged (reportedly, allegedly, claimed, likely, unconfirmed, if confirmed)."),
        _c("negated", B, "The claim denies an act or a report of it ('denied', 'fake news'); a zero count ('no casualties were reported') is no denial: the act happened."),
        _c("event_type", S, "clash, shelling, airstrike, drone_strike, ied, explosion, raid, attack, arrest, deployment, operation, chemical_attack, execution, shoot_down (an aircraft downed, no other act told), statement, other."),
        _c("event_date", S, "Event date, ISO; empty when unknown. Week/month precision dates give the first day. An event claim with no date of its own or from its context in a report dated to the day gets the publication date, with precision `reported`."),
        _c("date_precision", S, "day, week, month, year, unknown; `reported` when `event_date` is only the report's publication date (the text dates the act nowhere; `date_raw` says `reported: ...`) or only the day a speaker told the act (`date_raw` says `told: <verb and date>`, e.g. `told: said on Tuesday`, `told: On Tuesday, the ministry said`)."),
        _c("places", S, "Canonical place names joined by `;`, most specific first."),
        _c("place_precision", S, "town, near_town, district, governorate, region, country, unknown (after UCDP's where_prec)."),
        _c("governorate", S, "First-level administrative unit (admin-1) of the claim's places, else of its paragraph's, else the document's main governorate; empty when none. With the built-in knowledge a Syrian governorate (canonical English name); for places of a knowledge pack's places.csv, that file's `admin1` value."),
        _c("lat", F, "Latitude of the most specific geocoded place; empty when none."),
        _c("lon", F, "Longitude of the most specific geocoded place; empty when none."),
        _c("perpetrator", S, "Canonical actor said to have carried out (or be responsible for) the act; empty for a joint act of two named actors ('Russian and regime jets pound Idlib': naming one would set the account against one naming the other)."),
        _c("target", S, "Canonical actor said to have been attacked or affected."),
        _c("incident_id", S, "Incident the claim belongs to (from `align`)."),
        _c("sentence_index", I, "Position of the sentence in the document (0-based).", False),
        _c("paragraph", I, "Paragraph number of the sentence (0-based).", False),
        _c("source_raw", S, "The phrase naming the source ('pro-militant sources', 'the group'); for the outlet's voice, a phrase a frame offered that names no speaker ('type location flight patterns and munitions used'), else empty.", False),
        _c("source_person", S, "The person speaking for the source when the text names one ('White House spokesman Sean Spicer' -> Sean Spicer, source US government); empty otherwise.", False),
        _c("source_via", S, "Who relays the speaker's words: 'X told Reuters', 'X, quoted by SANA', 'Kurdish media reported citing X', 'in a statement carried by state media' (canonical name); empty when none. Unnamed informants of a monitor ('sources informed SOHR') are the monitor itself, with no via.", False),
        _c("attribution_cue", S, "How the source was found: according_to, reporting_verb, sentence_final, anaphora, quote, outlet.", False),
        _c("hedge_cue", S, "The hedging word(s) found. A hedge that only doubts who the target is ('struck caves believed to be IS hideouts') is kept here while `hedged` stays false: the act and its perpetrator are asserted, and this cue is the reader's sign that the target named is only believed to be so.", False),
        _c("negation_cue", S, "The denial phrase found.", False),
        _c("event_cue", S, "The word(s) the event type was read from.", False),
        _c("date_raw", S, "The date phrase ('late Monday', 'A day later'), `inherited: <phrase>` when taken from context (`inherited: told: <frame>`, precision `reported`, when that is a telling's day), `reported: <date line>` when the date is the report's own, or `told: <verb and date>` when it is the day a speaker told an act the sentence gives no sure day of its own.", False),
        _c("places_raw", S, "Place phrases as written, joined by `;` (prefixed `inherited:` when taken from the paragraph).", False),
        _c("governorate_source", S, "Where `governorate` comes from: sentence, paragraph, document; empty when none.", False),
        _c("perpetrator_raw", S, "Phrase naming the perpetrator.", False),
        _c("perpetrator_cue", S, "How the perpetrator was named: agent ('X shelled'), by_phrase ('an airstrike by X', 'killed in Turkish shelling', 'came under fire from X', 'gunmen believed to be X', 'a car bomb thought to be the work of X', 'a strike believed to be Israeli' — hedged), blamed ('blamed X for', 'X blamed for the attack', 'X was accused of'), responsible ('X violated the ceasefire', 'started after X ...'), exchange ('X and Y exchanged fire', 'an exchange of fire between X and Y': X named first of two sides that fired at each other, Y the target; not weighed as who did it).", False),
        _c("cause", S, "Stated cause, read only where the sentence states one: the mechanism ('caused by', 'due to', 'died of', 'killed after ... toxic gas'; an event type, `accident`, `depot_hit` (a strike on a store of munitions), `war_remnant` (an old mine or unexploded ordnance), `shot_down`, or the phrase after 'caused by'/'due to') and the reason given for downing or striking back (`retaliation`, `mission`), `;`-joined when both.", False),
        _c("cause_raw", S, "The cause phrases as written, `;`-joined like `cause`.", False),
        _c("target_raw", S, "Phrase naming the target.", False),
        _c("published", S, "Publication date of the document (ISO or empty).", False),
        _c("duplicate_of", S, "Copied from `documents` so independence can be judged from this table alone.", False),
        _c("kind", S, "What the claim tells: `event` (a specific act reported as having happened, or denied), `running_total` (cumulative figures over a period or many acts: 'since June 2019 ... 545 persons'), `background` (history, context, states of affairs, acts dated more than 60 days before the report), `future` (threats, plans, warnings, conditionals), `statement` (positions, demands, condemnations, opinions, denials of policy, direct questions). Only `event` claims make incidents, count in tolls and are compared; the others keep an empty `incident_id`.", False),
        _c("kind_cue", S, "The phrase `kind` was read from ('since early 2022', 'vowed to', 'called for', 'regularly', '?' for a direct question; for a running total told by a figure too large for one act, the figure); empty for an event.", False),
    ),
    "casualties": (
        _c("claim_id", S, "Claim the figure belongs to."),
        _c("victims", S, "Canonical victims group (an actor name, civilians, militants, soldiers, associates — those with a victim: escort, aides, collaborators — people)."),
        _c("outcome", S, "killed, injured, killed_or_injured, detained (arrested, abducted, captured), neutralized (the Turkish Defense Ministry's word: killed, captured or surrendered; never counted as killed alone)."),
        _c("min", I, "Lowest count the phrase allows (0 for 'no casualties')."),
        _c("max", I, "Highest count the phrase allows; empty when unbounded ('at least 5')."),
        _c("qualifier", S, "The qualifying phrase ('at least', 'more than', 'about', 'several', 'dozens'); empty for an exact number; `none` for a reported absence of casualties (min = max = 0)."),
        _c("casualty_id", S, "Stable id from claim_id and the phrase offsets.", False),
        _c("raw", S, "The figure phrase as written ('at least 9 Syrian soldiers').", False),
        _c("victims_raw", S, "Victims phrase as written.", False),
        _c("start", I, "Start offset of the phrase in the document's clean text.", False),
        _c("end", I, "End offset of the phrase.", False),
        _c("category", S, "Victim category after UCDP GED's split of deaths: civilians, combatants (members of an armed side), unknown ('people' with no indication, an adult man with no stated affiliation).", False),
        _c("side", S, "For combatants, the side of the victims' actor (as `claims.source_side`: syrian_government, opposition, turkey, kurdish, jihadist, russia, iran, us_coalition, ...); empty when unknown and for civilians.", False),
        _c("scope", S, "event (the toll of a specific act, also an updated toll) or total (a running total over a period or many acts, or a killed or injured figure above kinds.yaml `largest_act_toll`; never counted in an incident's toll).", False),
        _c("headline", B, "The figure is read from the document's headline. A headline figure that no body figure of the same outcome allows is also reported in `problems` (a warning: 'headline and body disagree').", False),
        _c("part", B, "The figure counts a part of victims counted or told beside it, of the same outcome: a subset ('killed 12 people, including five children', 'two people, one of them a child', 'more than 90 bodies, many of them children') or a share of victims told before ('five of the dead were children', '15 of the wounded were in critical condition': who they were or their condition is in `victims` and `raw`). A part keeps its category but is never an act's toll on its own: an incident's `casualties_*` leave it out (its category's `civilians_*`/`combatants_*` count it only as a lower bound), and set against another account's figure it is at most `partial`.", False),
    ),
    "mentions": (
        _c("doc_id", S, "Document the mention is in."),
        _c("claim_id", S, "Claim whose sentence names it, or (`inherited`) that takes the place from its paragraph; empty when the sentence carries no claim."),
        _c("kind", S, "place or actor."),
        _c("name", S, "Canonical name: a gazetteer place, admin-1 unit, region or landmark (as in `claims.places`), or a canonical actor (as in `claims.perpetrator`)."),
        _c("raw", S, "The phrase as written ('southeastern Idlib', 'the Turkish army')."),
        _c("start", I, "Start offset of the phrase in the document's clean text (for an inherited place: where the paragraph names it)."),
        _c("end", I, "End offset (exclusive) of the phrase."),
        _c("role", S, "For actors: perpetrator, target, victims (the actor a casualty figure counts), denied (the actor a negated act is denied of: 'Russian aircraft were not used'), `;`-joined when several; empty when none was read, and for places."),
        _c("admin1", S, "For places: the first-level administrative unit the place lies in (the `governorate` vocabulary: a Syrian governorate with the built-in knowledge, a pack's `admin1`); for a name the gazetteer lacks, the unit of the text around it. Empty for actors."),
        _c("lat", F, "Latitude of the place; empty when the gazetteer has no coordinates, and for actors."),
        _c("lon", F, "Longitude of the place; empty when none."),
        _c("precision", S, "For places: town, near_town, district, governorate, region, country (as `claims.place_precision`). Empty for actors."),
        _c("type", S, "What the name is: for places the gazetteer kind (town, village, neighbourhood, hill, landmark, crossing, district, governorate, region, country); for actors the actor kind (state_forces, armed_group, government, civilians, people)."),
        _c("entry", S, "For places: the knowledge entry the name resolved to: `geonames:<id>`, `supplement` (gazetteer_supplement.csv), `places.csv:<row>` (a pack's places), `admin1`, `country`, `region` (a region or landmark phrase of the place lexicon), or `unresolved` (a name after a strong cue that no entry holds). Empty for actors."),
        _c("inherited", B, "The claim takes this place from its paragraph (claims.places_raw says `inherited:`)."),
        _c("side", S, "For actors: the actor's side (as `claims.source_side`). Empty for places.", False),
        _c("score", F, "For places: how well the name matched its entry, 0-100 (100 exact or alias, 97 a transliteration variant, lower fuzzy, 0 unresolved; at most 50 when namesakes lie in other governorates and nothing in the text chose one).", False),
        _c("cue", S, "For places: the cue phrase before or after the name ('near the town of', 'province').", False),
    ),
    "incidents": (
        _c("incident_id", S, "Stable id from a hash of the incident's earliest claim; unchanged when unrelated documents are added."),
        _c("date_start", S, "Earliest event date among the claims (ISO or empty)."),
        _c("date_end", S, "Latest event date among the claims."),
        _c("governorate", S, "The governorate (admin-1 unit) most of the incident's claims resolve to (`claims.governorate`), never that of a homonym elsewhere."),
        _c("places", S, "Places named by the claims, `;`-joined, most specific first (towns, villages, neighbourhoods; then districts; then regions), then most cited; governorate and country names are not listed (see `governorate`)."),
        _c("event_type", S, "Most specific event type among the claims that tell its dead or title it (a distinctive type such as chemical_attack from any claim), else among all its claims."),
        _c("n_claims", I, "Number of claims."),
        _c("n_docs", I, "Number of documents (duplicates included)."),
        _c("n_sources", I, "Number of independent accounts: the largest set of the incident's accounts no two of which relay each other (an outlet's narration and a source it quotes about the incident; a source and the outlet it spoke through), are both vague pooled voices ('other sources', 'local sources', unnamed, an unknown outlet: pooled voices count once), or both speak for one state (official sources and state media of the same side: the Turkish Defense Ministry and Anadolu Agency count once). Republished copies are their original; a source quoted by several outlets is one account."),
        _c("status", S, "The incident's one verdict: contested (some facet conflicts between two accounts), corroborated (no conflict, and two independent accounts agree on a casualty figure, the perpetrator, responsibility or the cause), uncorroborated (two or more independent accounts, nothing of that compared and found to agree), single_source (fewer than two independent accounts)."),
        _c("conflict_facets", S, "Facets in conflict, `;`-joined (casualties, perpetrator, responsibility, cause, date, place)."),
        _c("title", S, "Neutral label: date (or month, year, 'undated'), the most specific event type no account hedges or denies (not one read from a disputed cause), the most specific place, the governorate, and the contested facets ('2020-05-27 explosion near al-Ghassaniyah (Idlib) — cause contested').", False),
        _c("date_precision", S, "day if any act of the incident is dated to the day by the text; `reported` if its dates are only the reports' publication dates (see `claims.date_precision`); else the coarsest precision given.", False),
        _c("lat", F, "Mean latitude of the claims' geocoded places; empty when none.", False),
        _c("lon", F, "Mean longitude of the claims' geocoded places; empty when none.", False),
        _c("sources", S, "Sources of the independent accounts counted in `n_sources`, `;`-joined.", False),
        _c("agree_facets", S, "Facets on which two independent accounts agree, `;`-joined (relayed and pooled pairs never count).", False),
        _c("perpetrator", S, "Who carried out the act by the accounts' consensus (canonical actor, counted once per account; hedged claims — 'reportedly', 'claimed' — never make it); `contested` when the perpetrator facet conflicts; actors of two sides that do not conflict (the two sides of a clash) `;`-joined; empty when no account names one.", False),
        _c("target", S, "Who was attacked, by the same consensus as `perpetrator`; empty when no account names one. A single perpetrator is never its own target (its own dead are in the toll).", False),
        _c("place_precision", S, "Most specific `claims.place_precision` among the claims in the incident's governorate.", False),
        _c("casualties_low", I, "Deaths across the accounts (after UCDP GED low/best/high): the smallest lower bound an account gives; empty when no death toll. Only `killed` figures of the act count: never `neutralized` (killed or captured), `killed_or_injured`, running totals or a part (`casualties.part`). An account telling only a part (its dead all of a group inside another, 'two children were killed', or told as more dead besides others, 'Another three were killed') is no lower bound below another account's whole; it may still raise `casualties_high`.", False),
        _c("casualties_best", I, "Median of the accounts' death figures (each account's highest; a range's upper figure, an open range's lower bound).", False),
        _c("casualties_high", I, "Largest death figure any account gives.", False),
        _c("toll", S, "The deaths as an analyst reads them: '6', '≥ 6' (at least 6), '5–7', '22–40+' (the largest figure only a lower bound), with the civilian and combatant split when known ('23–39 (civilians 19–39; combatants 4)'), and any 'neutralized' figure apart ('12 neutralized (killed or captured)', never counted as deaths); empty when none.", False),
        *_deaths_of("civilians", "civilian", "civilian deaths", "; empty when no account gives one"),
        *_deaths_of("combatants", "combatant", "deaths of members of armed sides"),
    ),
    "comparisons": (
        _c("incident_id", S, "Incident compared."),
        _c("facet", S, "casualties, perpetrator, responsibility, cause, date, place."),
        _c("claim_a", S, "First claim (the smaller id)."),
        _c("claim_b", S, "Second claim."),
        _c("source_a", S, "Source of claim_a."),
        _c("source_b", S, "Source of claim_b."),
        _c("verdict", S, "agree, conflict, partial."),
        _c("detail", S, "Human-readable reason ('3 killed vs at least 7 killed: disjoint')."),
        _c("relation", S, "How the two accounts relate: independent; relay (an outlet's narration and a source it quotes about the incident, a source and the outlet it spoke through, or two outlets both relaying one source: an agreement proves nothing); pooled (two vague pooled voices such as 'other sources', 'local sources', an unknown outlet); aligned (two voices of one state: official sources and state media or outlets of the same `claims.source_side`, such as the Russian Defense Ministry and TASS). Only independent pairs' agreements count for `incidents.status`.", False),
    ),
    "links": (
        _c("claim_a", S, "First claim of the link (the smaller id)."),
        _c("claim_b", S, "Second claim."),
        _c("score", F, "Link score, 0-100: within a document the join score; across documents the match probability of the pair (100 × 2^bits / (1 + 2^bits)); 100 for copies and overrides."),
        _c("reasons", S, "Why they were linked: within a document the evidence ('same date ±0 d; Saraqib~Saraqeb 92; both Turkish Armed Forces'); across documents each feature's contribution in bits ('same date ±0 d +0.4; Saraqib +0.9; both airstrike +0.5; perpetrator differs 0; both lead +2.0')."),
        _c("kind", S, "within_document, cross_document, republished, override.", False),
    ),
    "source_agreement": (
        _c("source_a", S, "First source (alphabetical)."),
        _c("source_b", S, "Second source."),
        _c("shared_incidents", I, "Incidents both sources give an account of."),
        _c("agree", I, "Facet comparisons between them that agree, between independent accounts only (never a relayed, pooled or aligned pair)."),
        _c("conflict", I, "Facet comparisons between them that conflict."),
        _c("relayed", I, "Facet comparisons between them where one relays the other (`comparisons.relation = relay`), whatever the verdict.", False),
    ),
    "overrides": (
        _c("action", S, "merge, split or assign (from the --overrides file)."),
        _c("claims", S, "The entry's claim ids, `;`-joined."),
        _c("target", S, "For assign: the incident id or label given; empty otherwise."),
        _c("status", S, "applied; unchanged (already so); rejected (a split forbids it); unknown_claim (a claim id not in this corpus); unknown_incident (an assign to an incident id this run does not have)."),
        _c("detail", S, "What happened, in words."),
    ),
    "problems": (
        _c("path", S, "File (or table row) that could not be used, or that was used with a caveat."),
        _c("reason", S, "What went wrong, in words."),
        _c("stage", S, "Pipeline stage that recorded it (ingest, extract, ...).", False),
        _c("severity", S, "skipped (the input was left out) or warning (kept, with a caveat).", False),
    ),
}

TABLE_ORDER: tuple[str, ...] = tuple(TABLES)


def columns(table: str, *, required_only: bool = False) -> list[str]:
    """Column names of `table` in contract order."""
    return [c.name for c in TABLES[table] if c.required or not required_only]


def empty(table: str) -> pd.DataFrame:
    """An empty DataFrame with the table's columns and dtypes."""
    return pd.DataFrame({c.name: pd.Series([], dtype=c.dtype) for c in TABLES[table]})


def frame(rows: Iterable[Mapping[str, Any]] | pd.DataFrame, table: str) -> pd.DataFrame:
    """A new table built from row dicts (or a frame a stage just assembled),
    with the contract's columns and dtypes: how stages make their output.
    Rows are read as objects and cast once (letting pandas infer dtypes first
    would convert every text column twice); rows that hold exactly the
    contract's columns are read column by column (`frame_columns`)."""
    if isinstance(rows, pd.DataFrame):
        return _cast(rows, table)
    records = list(rows)
    if not records:
        return empty(table)
    names = [c.name for c in TABLES[table]]
    if len(names) > 1 and all(map(len(names).__eq__, map(len, records))):
        try:  # as many keys as the contract has columns, and each of them: exactly its columns
            values = list(map(operator.itemgetter(*names), records))
        except KeyError:
            pass
        else:
            return frame_columns(dict(zip(names, zip(*values))), table)
    return _cast(pd.DataFrame(records, dtype=object), table)


def frame_columns(columns: Mapping[str, Sequence[Any]], table: str) -> pd.DataFrame:
    """A new table built from its columns' values (every contract column and
    no other, equally long): the table `frame` makes of rows holding them,
    each column converted once, straight from its values."""
    specs = TABLES[table]
    if set(columns) != {c.name for c in specs}:
        raise ValueError(f"{table}: columns {sorted(columns)} are not the contract's {[c.name for c in specs]}")
    lengths = {len(v) for v in columns.values()}
    if len(lengths) > 1:
        raise ValueError(f"{table}: columns of different lengths {sorted(lengths)}")
    if not lengths or not lengths.pop():
        return empty(table)
    arrays = [_arrow_column(columns[c.name], c.dtype) for c in specs]
    if all(a is not None for a in arrays):
        return pa.table(arrays, names=[c.name for c in specs]).to_pandas(types_mapper=_PANDAS.get)
    out = {}
    for c, arr in zip(specs, arrays):
        dtype = pd.api.types.pandas_dtype(c.dtype)
        if arr is not None:
            out[c.name] = pd.Series(dtype.__from_arrow__(arr))  # type: ignore[union-attr]
        else:
            s = pd.Series(list(columns[c.name]), dtype=object)
            out[c.name] = s.astype("string") if c.dtype == "string" else s.astype(dtype)
    return pd.DataFrame(out)


# the Arrow type each contract dtype is read from, and the Python types whose
# values it takes exactly as pandas' cast from objects does (None: any, when
# every value it cannot take the same way makes it raise)
_NONE = type(None)
_ARROW = {"string": (pa.large_string(), None), "Int64": (pa.int64(), frozenset({int, _NONE})),
          "Float64": (pa.float64(), frozenset({float, int, _NONE})), "boolean": (pa.bool_(), frozenset({bool, _NONE}))}
_PANDAS = {arrow: pd.api.types.pandas_dtype(dtype) for dtype, (arrow, _) in _ARROW.items()}


def _arrow_column(values: Sequence[Any], dtype: str) -> pa.Array | None:
    """`values` as an Arrow array that pandas reads as the column `_cast`
    makes of them (text, NaN and None; ints; floats and ints; bools; each or
    None), converted about three times faster; None when pandas' own cast
    must convert them (a number among strings is written as text)."""
    arrow, types = _ARROW.get(dtype, (None, None))
    if arrow is None or (types is not None and not types.issuperset(map(type, values))):
        return None
    try:
        return pa.array(values, type=arrow, from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None


def conforms(df: pd.DataFrame, table: str) -> bool:
    """Whether `df` already has the contract's columns first, in order, with
    the contract dtypes, and a plain 0..n-1 index."""
    specs = TABLES[table]
    names = list(df.columns[: len(specs)])
    if names != [c.name for c in specs]:
        return False
    idx = df.index
    if not (isinstance(idx, pd.RangeIndex) and idx.start == 0 and idx.step == 1):
        return False
    return all(str(df.dtypes.iloc[i]) == c.dtype for i, c in enumerate(specs))


def conform(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return `df` with the contract's columns first (missing ones added as NA),
    cast to the contract dtypes; further columns are kept after them. A frame
    that already `conforms` is returned as it is.

    The pipeline conforms where tables leave it (`claimscope.run`, when they
    are written) and where they are read from disk; stages build their frames
    with the contract's columns."""
    if conforms(df, table):
        return df
    return _cast(df, table)


def _cast(df: pd.DataFrame, table: str) -> pd.DataFrame:
    specs = TABLES[table]
    out = {}
    n = len(df)
    for c in specs:
        if c.name in df.columns:
            s = df[c.name]
            if c.dtype == "string":
                if s.dtype != object:
                    s = s.astype("object")
                s = s.astype("string")  # every missing value (None, NaN, NA) becomes <NA>
            else:
                s = s.astype(pd.api.types.pandas_dtype(c.dtype))
        else:
            s = pd.Series([pd.NA] * n, dtype=c.dtype, index=df.index)
        out[c.name] = s
    extra = [k for k in df.columns if k not in out]
    result = pd.DataFrame(out, index=df.index)
    for k in extra:
        result[k] = df[k]
    return result.reset_index(drop=True)


def markdown() -> str:
    """The table contract as Markdown, for the README (kept in sync by a test)."""
    lines = []
    for table, cols in TABLES.items():
        lines.append(f"#### `{table}`\n")
        lines.append("| column | type | required | meaning |")
        lines.append("|---|---|---|---|")
        for c in cols:
            doc = c.doc.replace("|", "\\|")
            lines.append(f"| `{c.name}` | {c.dtype} | {'yes' if c.required else ''} | {doc} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown(), end="")
