# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Corpus overview
#
# Who reports which incidents, where the accounts agree or conflict, and who
# cites whom, across the whole corpus (or a date range / governorate of it).
# Hover over a mark to read the sentence it comes from.

# %% tags=["parameters"]
# Parameters (papermill: -p NAME VALUE). Relative paths are relative to this notebook's folder.
tables: str = "../outputs/tables"  # folder written by `claimscope run`; when it does not exist, the seeds (../seeds) are run
corpus: str = ""  # a corpus path (folder of articles or a CSV/Parquet table) to run the pipeline on instead of reading `tables`
date_from: str = ""  # first event day to include, YYYY-MM-DD; empty means no lower bound
date_to: str = ""  # last event day to include, YYYY-MM-DD; empty means no upper bound
governorate: str = ""  # keep only incidents in this governorate (e.g. "Idlib"); empty means all
incident_pages: str = ""  # which incidents have a report page to link to, as `claimscope report --incidents` (default, all, contested or a number N); empty means default
knowledge: str = ""  # knowledge pack folder(s) the page names things by (several separated by ":"); empty means the packs `claimscope run --knowledge` recorded with `tables`
html_export: bool = False  # set to True by `claimscope report`: charts are emitted for the offline HTML page

# %%
from IPython.display import HTML, display

from claimscope import charts, reports

charts.enable_renderer(html_export=html_export)
loaded = reports.load_tables(tables, corpus=corpus, knowledge=knowledge)
know = loaded.knowledge  # the knowledge the run named things by
t = reports.filter_tables(loaded.tables, date_from=date_from, date_to=date_to, governorate=governorate)
pages = reports.incident_pages(loaded.tables, incident_pages)
display(HTML(reports.summary_html(t, origin=loaded.origin,
                                  filters={"from": date_from, "to": date_to, "governorate": governorate})))

# %% [markdown]
# ## Incidents over time
# One dot per incident, coloured by its verdict: red contested (two accounts conflict),
# blue corroborated (independent accounts agree on a figure, perpetrator, responsibility or
# cause), amber uncorroborated (several independent accounts, nothing of substance compared),
# grey single source; bigger dots have more independent accounts. An outlet repeating the
# source it quotes, or vague "other sources", never counts as a second account.

# %%
charts.incident_timeline(t["incidents"], t["claims"])

# %% [markdown]
# ## Where

# %%
charts.incident_map(t["incidents"], t["claims"], knowledge=know)

# %% [markdown]
# ## Most conflicted incidents

# %%
display(HTML(reports.incidents_table_html(t, link=html_export, linked=pages)))

# %% [markdown]
# ## Casualty figures, source by source
# One row per source and kind of figure. Two bars of the same kind (same victims, same outcome) that do
# not overlap are accounts that cannot both be right; a part (children) may well be smaller than its whole.

# %%
charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], max_incidents=8)

# %% [markdown]
# ## Sources: agreement and citation
# Counted as the verdicts count them: between independent accounts only (an outlet and the
# source it relays never agree with each other here), on casualties, perpetrator,
# responsibility or cause; agreeing on a date or a place is in the tooltip.

# %%
charts.source_agreement_heatmap(t["source_agreement"], t["comparisons"], knowledge=know)

# %%
charts.who_cites_whom(t["claims"])

# %% [markdown]
# ## Problems met while reading the corpus

# %%
display(HTML(reports.problems_html(t)))
