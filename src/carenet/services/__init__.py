"""Use cases: read the store, run analytics, shape results. One module per topic."""
