"""The code points a TrueType font has a glyph for: its cmap table (formats 4 and 12), read with the standard
library so the glyph test needs nothing installed but the font."""

from __future__ import annotations

import struct
from pathlib import Path


def code_points(path: Path) -> set[int]:
    data = Path(path).read_bytes()
    num_tables = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(num_tables):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        tables[tag] = (offset, length)
    base = tables[b"cmap"][0]
    _, count = struct.unpack(">HH", data[base : base + 4])
    points: set[int] = set()
    for i in range(count):
        _platform, _encoding, offset = struct.unpack(">HHI", data[base + 4 + 8 * i : base + 12 + 8 * i])
        sub = base + offset
        fmt = struct.unpack(">H", data[sub : sub + 2])[0]
        if fmt == 4:
            points |= _format4(data, sub)
        elif fmt == 12:
            groups = struct.unpack(">I", data[sub + 12 : sub + 16])[0]
            for k in range(groups):
                start, end, _glyph = struct.unpack(">III", data[sub + 16 + 12 * k : sub + 28 + 12 * k])
                points.update(range(start, end + 1))
    return points


def _format4(data: bytes, sub: int) -> set[int]:
    points: set[int] = set()
    seg2 = struct.unpack(">H", data[sub + 6 : sub + 8])[0]
    n = seg2 // 2
    ends = struct.unpack(f">{n}H", data[sub + 14 : sub + 14 + seg2])
    starts = struct.unpack(f">{n}H", data[sub + 16 + seg2 : sub + 16 + 2 * seg2])
    deltas = struct.unpack(f">{n}h", data[sub + 16 + 2 * seg2 : sub + 16 + 3 * seg2])
    offsets_at = sub + 16 + 3 * seg2
    offsets = struct.unpack(f">{n}H", data[offsets_at : offsets_at + seg2])
    for k in range(n):
        for point in range(starts[k], ends[k] + 1):
            if point == 0xFFFF:
                continue
            if offsets[k] == 0:
                glyph = (point + deltas[k]) & 0xFFFF
            else:
                at = offsets_at + 2 * k + offsets[k] + 2 * (point - starts[k])
                glyph = struct.unpack(">H", data[at : at + 2])[0]
                glyph = (glyph + deltas[k]) & 0xFFFF if glyph else 0
            if glyph:
                points.add(point)
    return points
