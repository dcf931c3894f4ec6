"""claimscope: who claims what about each incident, and where the accounts
agree or conflict.

The pipeline runs in stages that pass tidy DataFrames forward:
ingest -> sentences -> claims (attribution, dates, places, actors,
casualties) -> align -> compare. `claimscope.pipeline.run` chains them and
`claimscope.tables` reads and writes the public tables (see `claimscope.schema`).
"""

__version__ = "0.1.0"
