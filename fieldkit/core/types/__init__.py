"""The built-in content types, one module each, in the order `fieldkit search --type` lists them.

Registered by `fieldkit.core.registry`; a new type is one more module here, added to BUILTIN.
"""

from fieldkit.core.types.briefing import BRIEFING
from fieldkit.core.types.glossary import GLOSSARY
from fieldkit.core.types.organisation import ORGANISATION
from fieldkit.core.types.place import PLACE
from fieldkit.core.types.right import RIGHT
from fieldkit.core.types.risk import RISK
from fieldkit.core.types.route import ROUTE
from fieldkit.core.types.service import SERVICE

BUILTIN = (PLACE, ROUTE, RISK, RIGHT, SERVICE, ORGANISATION, GLOSSARY, BRIEFING)
