"""Pattern data for the boilerplate stage, kept apart from the logic that uses it.

:mod:`modulfix.patterns.site` holds the site-template strings (chrome, comment
sections, dates) grouped by template and concept; each table is compiled once.
"""
