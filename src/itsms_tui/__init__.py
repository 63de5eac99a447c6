"""itsms-tui: ISO/IEC 20000-1 clause 8.1 and 8.3 in a keyboard-first terminal app."""

__version__ = "0.1.0"
