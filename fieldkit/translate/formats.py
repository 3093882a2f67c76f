"""Translation units in the two exchange formats CAT tools read: gettext PO (Babel writes and reads it) and
XLIFF 1.2 (small enough to write here, with the standard namespace).

PO: msgctxt is the unit's context (entry/field/block), an extracted comment holds the English text's hash, and a
translation that needs review (machine-made) is `#, fuzzy`. XLIFF: the context is the trans-unit id, the hash a
note, and a translation that needs review has state="needs-review-translation" (machine-made:
state-qualifier="mt-suggestion"); one a person approved is state="final".
"""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from fieldkit import __version__
from fieldkit.core.explained import Explained
from fieldkit.core.marker import N_
from fieldkit.translate.units import Unit, parse_context

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
HASH_NOTE = "source-hash: "
APPROVED_STATES = ("translated", "final", "signed-off")
EXPORTER = "fieldkit translate export"  # Last-Translator until a person's tool puts theirs


class TranslationFileError(Explained):
    """A file that cannot be read as a fieldkit PO or XLIFF export; the message says why."""


@dataclass(frozen=True)
class Exchange:
    """What a translation file holds: the target language, the units, and who translated (if it says)."""

    lang: str
    units: list[Unit]
    translator: str | None = None
    hashes: dict[str, str] | None = None  # context -> the English hash the file was made for


# --- PO --------------------------------------------------------------------------------------------------------

_PO_HEADER = """\
# fieldkit content in {lang}: one unit per title, summary and body block of every entry.
# msgctxt is entry/field/block and the extracted comment the English text's hash: keep both.
# A machine translation is fuzzy: a person who has checked it removes the flag.
# Bring it back with: fieldkit translate import FILE --translator NAME"""


def to_po(lang: str, units: list[Unit], *, created: dt.datetime | None = None) -> bytes:
    from babel.messages.catalog import Catalog, Message
    from babel.messages.pofile import write_po

    created = created or dt.datetime.now(dt.UTC).replace(microsecond=0)
    catalog = Catalog(locale=_babel_locale(lang), project="fieldkit content", version=__version__,
                      header_comment=_PO_HEADER.format(lang=lang), msgid_bugs_address="", copyright_holder="fieldkit",
                      charset="utf-8", creation_date=created, revision_date=created, fuzzy=False,
                      language_team=f"fieldkit translators ({lang})", last_translator=EXPORTER)
    for unit in units:
        message = Message(unit.source, unit.target, context=unit.context,
                          auto_comments=[HASH_NOTE + unit.source_hash],
                          flags=["fuzzy"] if unit.needs_review and unit.target else [])
        # Content text is not a format string: "50% of" must not be checked as one by msgfmt.
        message.flags.discard("python-format")
        catalog[unit.source] = message  # Babel keys it by (text, context): every unit its own message
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False)
    return buffer.getvalue()


def _babel_locale(lang: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(lang, sep="-"))
    except (UnknownLocaleError, ValueError):
        return lang.replace("-", "_")


def from_po(data: bytes) -> Exchange:
    from babel.messages.pofile import PoFileError, read_po

    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except (PoFileError, ValueError, UnicodeDecodeError) as problem:
        raise TranslationFileError(N_("not a readable PO file: {reason}"), reason=problem) from None
    lang = (catalog.locale_identifier or "").replace("_", "-")
    if not lang:
        raise TranslationFileError(N_("the PO file does not say its language (no Language header)"))
    units, hashes = [], {}
    for message in catalog:
        if not message.id or not message.context or parse_context(message.context) is None:
            continue
        entry, field, index = parse_context(message.context) or ("", "", 0)
        units.append(Unit(entry, field, index, str(message.id), str(message.string or ""), message.fuzzy))
        for comment in message.auto_comments:
            if comment.startswith(HASH_NOTE):
                hashes[message.context] = comment.removeprefix(HASH_NOTE).strip()
    translator = catalog.last_translator or ""
    named = translator and "FULL NAME" not in translator and translator != EXPORTER
    return Exchange(lang, units, translator if named else None, hashes)


# --- XLIFF 1.2 ---------------------------------------------------------------------------------------------------

def to_xliff(lang: str, units: list[Unit]) -> bytes:
    ET.register_namespace("", XLIFF_NS)
    root = ET.Element(f"{{{XLIFF_NS}}}xliff", {"version": "1.2"})
    file = ET.SubElement(root, f"{{{XLIFF_NS}}}file", {"original": "content", "datatype": "plaintext",
                                                       "source-language": "en", "target-language": lang})
    header = ET.SubElement(file, f"{{{XLIFF_NS}}}header")
    ET.SubElement(header, f"{{{XLIFF_NS}}}tool", {"tool-id": "fieldkit", "tool-name": "fieldkit translate",
                                                  "tool-version": __version__})
    body = ET.SubElement(file, f"{{{XLIFF_NS}}}body")
    for unit in units:
        element = ET.SubElement(body, f"{{{XLIFF_NS}}}trans-unit",
                                {"id": unit.context, "resname": unit.context, f"{{{_XML_NS}}}space": "preserve"})
        ET.SubElement(element, f"{{{XLIFF_NS}}}source").text = unit.source
        if unit.target:
            state = ({"state": "needs-review-translation", "state-qualifier": "mt-suggestion"} if unit.needs_review
                     else {"state": "final"})
            ET.SubElement(element, f"{{{XLIFF_NS}}}target", state).text = unit.target
        note = ET.SubElement(element, f"{{{XLIFF_NS}}}note", {"from": "fieldkit", "annotates": "source"})
        note.text = HASH_NOTE + unit.source_hash
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def from_xliff(data: bytes) -> Exchange:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as problem:
        raise TranslationFileError(N_("not a readable XLIFF file: {reason}"), reason=problem) from None
    ns = {"x": XLIFF_NS}
    file = root.find("x:file", ns)
    if root.tag != f"{{{XLIFF_NS}}}xliff" or file is None:
        raise TranslationFileError(N_("not an XLIFF 1.2 file (no <xliff> with <file> in {namespace})"),
                                   namespace=XLIFF_NS)
    lang = file.get("target-language", "")
    if not lang:
        raise TranslationFileError(N_("the XLIFF file does not say its language (no target-language)"))
    units, hashes = [], {}
    for element in file.iterfind("x:body//x:trans-unit", ns):
        context = element.get("id", "")
        parsed = parse_context(context)
        if parsed is None:
            continue
        source = element.find("x:source", ns)
        target = element.find("x:target", ns)
        approved = target is not None and (target.get("state") in APPROVED_STATES or element.get("approved") == "yes")
        units.append(Unit(parsed[0], parsed[1], parsed[2], _inner_text(source), _inner_text(target), not approved))
        for note in element.iterfind("x:note", ns):
            if (note.text or "").startswith(HASH_NOTE):
                hashes[context] = (note.text or "").removeprefix(HASH_NOTE).strip()
    return Exchange(lang, units, None, hashes)


def _inner_text(element: ET.Element | None) -> str:
    """A source or target's text, inline markup (a CAT tool's <g>, <x/>) reduced to its words."""
    return "" if element is None else "".join(element.itertext())


def read_exchange(data: bytes) -> Exchange:
    """A PO or XLIFF file, told apart by its first characters."""
    start = data.lstrip()[:200]
    if start.startswith(b"<?xml") or start.startswith(b"<xliff"):
        return from_xliff(data)
    return from_po(data)


