"""Pieces every page uses: the operation route, the change bus, problem and crash display,
fonts, translation, printing and the radar chart.
"""
