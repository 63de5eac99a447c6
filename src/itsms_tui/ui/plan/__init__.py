"""The Plan screen's registers: one ``Register`` declaration per clause 8.1 register
(``*_tab.py``), the generic tab that renders them (``register_tab``), the child tables
they share (``child_tables``), the heat map and the change workflow.

``ui/screens/plan.py`` makes one tab per Plan home of ``ui/homes.py``; the rows and
markers here only format what the domain computes (loads, bands, allowed transitions),
they never decide it.
"""
