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
# # Incident report
#
# Every account of one incident side by side: who says what, the facet words in
# each sentence, where the casualty figures overlap, and which facets conflict.

# %% tags=["parameters"]
# Parameters (papermill: -p NAME VALUE). Relative paths are relative to this notebook's folder.
tables: str = "../outputs/tables"  # folder written by `claimscope run`; when it does not exist, the seeds (../seeds) are run
incident_id: str = ""  # incident to show (incidents.incident_id); empty means the most conflicted incident
knowledge: str = ""  # knowledge pack folder(s) the page names things by (several separated by ":"); empty means the packs `claimscope run --knowledge` recorded with `tables`
html_export: bool = False  # set to True by `claimscope report`: charts are emitted for the offline HTML page

# %%
from IPython.display import HTML, display

from claimscope import charts, reports

charts.enable_renderer(html_export=html_export)
loaded = reports.load_tables(tables, knowledge=knowledge)
t, know = loaded.tables, loaded.knowledge  # the knowledge the run named things by
incident = reports.pick_incident(t, incident_id)
t = reports.incident_tables(t, incident)  # only this incident's rows: quick on any corpus, same page
display(HTML(reports.incident_header_html(t, incident, knowledge=know)))

# %% [markdown]
# ## The accounts

# %%
profiles = reports.source_profile_links(t, knowledge=know)  # source name -> its profile page
display(HTML(charts.claims_table_html(t["claims"], t["casualties"], incident or "", doc_links=True, profiles=profiles,
                                    knowledge=know)))

# %% [markdown]
# ## Casualty figures
# One row per source and kind of figure. Two bars of the same kind (same victims, same outcome) that do
# not overlap are accounts that cannot both be right; a part (children) may well be smaller than its whole.

# %%
charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], incident_ids=[incident] if incident else [])

# %% [markdown]
# ## Where the accounts agree and conflict
# Only agreements between independent accounts corroborate; pairs marked *relay* (an outlet
# and the source it quotes) or *pooled* (two vague voices) are shown but never counted.

# %%
display(HTML(reports.comparisons_html(t, incident_id=incident or "")))

# %% [markdown]
# ## Why these claims were grouped

# %%
display(HTML(reports.links_html(t, incident, knowledge=know)))

# %% [markdown]
# ## The documents
# Each report telling this incident: title, outlet, date, URL, and the paragraphs with its sentences highlighted.

# %%
display(HTML(reports.documents_html(t, incident)))
