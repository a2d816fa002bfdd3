"""Analyses: pure functions over DataFrames. create_* builds a unit of analysis, add_* enriches
it without changing its row count, filter_* subsets it. Nothing here prints or renders."""
