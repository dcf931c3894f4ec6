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
# # Source profile
#
# One source across the corpus: which outlets cite it, which incidents it tells
# of, how often other sources agree or conflict with it, and its claims.

# %% tags=["parameters"]
# Parameters (papermill: -p NAME VALUE). Relative paths are relative to this notebook's folder.
tables: str = "../outputs/tables"  # folder written by `claimscope run`; when it does not exist, the seeds (../seeds) are run
source: str = ""  # canonical source name as in claims.source (e.g. "Syrian Observatory for Human Rights"); empty means the most cited source other than an outlet's own voice
incident_pages: str = ""  # which incidents have a report page to link to, as `claimscope report --incidents` (default, all, contested or a number N); empty means default
knowledge: str = ""  # knowledge pack folder(s) the page names things by (several separated by ":"); empty means the packs `claimscope run --knowledge` recorded with `tables`
html_export: bool = False  # set to True by `claimscope report`: charts are emitted for the offline HTML page

# %%
from IPython.display import HTML, display

from claimscope import charts, reports

charts.enable_renderer(html_export=html_export)
loaded = reports.load_tables(tables, knowledge=knowledge)
t, know = loaded.tables, loaded.knowledge  # the knowledge the run named things by
who = reports.pick_source(t, source)
pages = reports.incident_pages(t, incident_pages)
t = reports.source_tables(t, who)  # only what this source tells of: quick on any corpus, same page
its_incidents = reports.incidents_of_source(t, who) if who else []
display(HTML(reports.source_header_html(t, who)))

# %% [markdown]
# ## Incidents it tells of

# %%
display(HTML(reports.incidents_table_html(t, incident_ids=its_incidents, link=html_export, linked=pages)))

# %% [markdown]
# ## Agreement with other sources
# Independent accounts only, agreement on substance (casualties, perpetrator, responsibility,
# cause) apart from agreement on a date or place; conflicts with a voice not independent of it
# (one it relays or that relays it, a vague pooled voice, a voice of the same state) apart.

# %%
charts.agreement_bars(t["source_agreement"], who or "", comparisons=t["comparisons"], knowledge=know)

# %% [markdown]
# ## Its casualty figures beside the others'

# %%
charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], incident_ids=its_incidents, max_incidents=8)

# %% [markdown]
# ## Its claims

# %%
display(HTML(charts.claims_table_html(t["claims"], t["casualties"], source=who or "", incidents=t["incidents"],
                                    knowledge=know)))
