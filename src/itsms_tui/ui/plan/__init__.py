"""The Plan screen's parts: one tab per clause 8.1 register, the heat map, the change workflow.

``ui/screens/plan.py`` assembles them; the rows and markers here only format what the
domain computes (loads, bands, allowed transitions), they never decide it.
"""
