"""The terminal app (Textual). The only package that imports textual; a test enforces it."""
