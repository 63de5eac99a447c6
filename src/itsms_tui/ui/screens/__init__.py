"""The app's screens: one module per main area, plus the dialogs the shell shows."""
