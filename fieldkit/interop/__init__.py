"""Exchange with humanitarian partners: HXL, CSV, JSON and GeoJSON out, partners' HXL service sheets in.

One job per module:

- `hxl.py`: HXL hashtags and tag patterns, `+i_<lang>` attributes, the columns of each exported type
- `vocabulary.py`: partners' words for countries, service types, sectors and languages, mapped to fieldkit's
- `export.py`: records (one per entry) from the compiled content, with names in other languages
- `writers.py`: records as HXL, CSV or JSON text; `geojson.py`: records as an RFC 7946 FeatureCollection
- `sheet.py`: read a partner's HXL-tagged CSV, matching columns by hashtag, never by header text
- `validate.py`: one sheet row checked and turned into clean service fields, or the row's problems
- `entryfile.py`: a content file's front matter and body written back as text
- `importer.py`: plan an import row by row (new, changed, unchanged, bad) and write it atomically

Nothing here opens a network connection, and neither libhxl nor geojson is needed at run time (the tests use
both to check fieldkit's output).
"""
