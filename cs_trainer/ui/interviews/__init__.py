"""Structured interviews: interview plans per position, the interview screen and the summary
of all raters.
"""
