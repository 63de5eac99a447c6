"""Use cases shared by the CLI and the TUI, so the two front ends never duplicate logic."""
