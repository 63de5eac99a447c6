"""Parts of the Compliance screen (key 6): findings list, clause summary, SLA matrix, settings."""
