"""Content for the interop tests: the fixture content plus services that have what an export must carry.

- `svc-shelter-bihac`: its own coordinates, full contact details, languages, hours, access, a Farsi translation;
- `svc-legal-aid-bihac` (from the fixtures): no coordinates of its own, so it takes Bihać's;
- `svc-hotline-ba`: no place and no coordinates, so it is left out of GeoJSON.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldkit.content.build import build
from fieldkit.content.frontmatter import parse
from fieldkit.content.review import original_hash
from tests.conftest import FIXTURE_CONTENT, FIXTURES

PARTNER_SHEET = FIXTURES / "interop" / "partner-services.csv"

SHELTER = """---
id: svc-shelter-bihac
type: service
title: Shelter for families in Bihać
summary: A shelter for families with children.
country: BA
kind: [shelter, psychosocial]
organisation: Example Shelter NGO
place: bihac
lat: 44.8125
lon: 15.8700
coords_source: geonames
languages: [bs, en, fa]
hours: Every day
contact:
  phone: +387 37 000 100
  email: shelter@example.org
  url: https://shelter.example.org
  address: Example street 1, Bihać
access: Families referred by a social worker
sources:
  - doc: testdoc
    where: line 2
    quote: "People wait in Bihać"
as_of: 2024-07
checked: 2026-11-01
---
Fictional test data.
"""



def stamp(original: str) -> str:
    """The original_hash a translation of this original records."""
    front = parse(original)
    return original_hash(front.data["title"], front.data["summary"], front.body)


SHELTER_FA = f"""---
id: svc-shelter-bihac
type: service
title: پناهگاه خانواده‌ها در بیهاچ
summary: پناهگاهی برای خانواده‌های دارای فرزند.
translation: machine
original_hash: {stamp(SHELTER)}
---
"""

HOTLINE = """---
id: svc-hotline-ba
type: service
title: Legal aid hotline, Bosnia and Herzegovina
summary: Legal advice by phone, across the country.
country: BA
kind: [legal-aid]
organisation: Example Hotline NGO
sources:
  - doc: testdoc
    where: line 8
    quote: "Free legal aid is offered"
as_of: 2024-07
checked: 2026-11-01
---
Fictional test data.
"""


def make_content(target: Path) -> Path:
    shutil.copytree(FIXTURE_CONTENT, target)
    service = target / "service"
    (service / "svc-shelter-bihac.en.md").write_text(SHELTER, encoding="utf-8")
    (service / "svc-shelter-bihac.fa.md").write_text(SHELTER_FA, encoding="utf-8")
    (service / "svc-hotline-ba.en.md").write_text(HOTLINE, encoding="utf-8")
    return target


@pytest.fixture
def rich_content(tmp_path) -> Path:
    """A writable content folder with the services above."""
    return make_content(tmp_path / "content")


@pytest.fixture(scope="session")
def rich_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("rich")
    path = folder / "rich.db"
    build(make_content(folder / "content"), path)
    return path
