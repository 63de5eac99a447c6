"""Pure domain: pydantic models, enums and rules. No I/O, no Textual, no TinyDB."""
