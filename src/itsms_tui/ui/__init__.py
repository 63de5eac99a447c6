"""The Textual front end: screens, reusable widgets and the form engine (the only layer that imports Textual)."""
