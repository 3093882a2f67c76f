"""Export columns most types share (see ExportColumn in fieldkit/core/registry.py)."""

from fieldkit.core.model import ExportColumn

ID = ExportColumn("id", "ID", "#meta+id")
COUNTRY = ExportColumn("country", "Country", "#country+code+v_iso2")
SUMMARY = ExportColumn("summary", "Summary", "#description+summary", translated=True)
AS_OF = ExportColumn("as_of", "Facts as of", "#date+reported")
REVIEWED = ExportColumn("reviewed", "Reviewed", "#date+reviewed")  # by a specialist; empty: not yet
CHECKED = ExportColumn("checked", "Checked against the sources", "#date+checked")  # by the editors
SOURCES = ExportColumn("sources", "Sources", "#meta+source")
LAT = ExportColumn("lat", "Latitude", "#geo+lat")
LON = ExportColumn("lon", "Longitude", "#geo+lon")
# What every exported row ends with: the summary, the dates and the sources cited (`checked` came later: last).
TRAILER = (SUMMARY, AS_OF, REVIEWED, SOURCES, CHECKED)
