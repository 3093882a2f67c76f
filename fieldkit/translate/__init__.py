"""The translators' workflow: content out as PO or XLIFF for any translation tool, translations back in as
`content/<type>/<id>.<lang>.md` files (`fieldkit translate export|import`, docs/languages.md)."""
