"""Facts every layer may use: the content-type registry, the language table, countries,
environment variables and atomic file writing.

The bottom layer: it imports only the standard library, so the compiler, the store, the CLI and the app can all
read one declaration of each fact (docs/architecture.md).
"""
