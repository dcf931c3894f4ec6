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
# # Compare two sources
#
# The incidents two sources both tell of, facet by facet: where they agree,
# where they conflict, and their accounts side by side.

# %% tags=["parameters"]
# Parameters (papermill: -p NAME VALUE). Relative paths are relative to this notebook's folder.
tables: str = "../outputs/tables"  # folder written by `claimscope run`; when it does not exist, the seeds (../seeds) are run
source_a: str = ""  # first source, as in claims.source; empty means the source sharing most incidents with source_b (or the best-connected pair)
source_b: str = ""  # second source, as in claims.source; empty means the source sharing most incidents with source_a
knowledge: str = ""  # knowledge pack folder(s) the page names things by (several separated by ":"); empty means the packs `claimscope run --knowledge` recorded with `tables`
html_export: bool = False  # set to True by `claimscope report`: charts are emitted for the offline HTML page

# %%
from IPython.display import HTML, display

from claimscope import charts, reports

charts.enable_renderer(html_export=html_export)
loaded = reports.load_tables(tables, knowledge=knowledge)
t, know = loaded.tables, loaded.knowledge  # the knowledge the run named things by
pair = reports.pick_source_pair(t, source_a, source_b)
shared = reports.shared_incidents(t, *pair) if pair else []
display(HTML(reports.pair_header_html(t, pair)))

# %% [markdown]
# ## Facet by facet

# %%
display(HTML(reports.comparisons_html(t, sources=pair)))

# %% [markdown]
# ## Casualty figures on the incidents they share

# %%
charts.casualty_ranges(t["claims"], t["casualties"], t["incidents"], incident_ids=shared, max_incidents=8)

# %% [markdown]
# ## Their accounts side by side

# %%
display(HTML(charts.claims_table_html(t["claims"], t["casualties"], incident_ids=shared, sources=pair or (),
                                    incidents=t["incidents"], knowledge=know)))
