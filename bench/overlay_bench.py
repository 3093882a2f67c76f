"""Organisations' overlays: is merged content searched as fast as published content, and what do merging and
installing cost? (docs/performance.md, "Organisations' overlays")

The base is the real content compiled from content/. An overlay is generated with N services of its own (at the
published places, each with a phone number) and a phone number and hours attached to every published service; it
is compiled with fieldkit.content.overlay.build_overlay. Then:

    merge        fieldkit.content.merge.merge(base, [overlay]): the database the runtime opens
    search       Store.search(query, lang=L, limit=10) on the base alone, on the merged database, and on the same
                 content compiled as one (the overlay's services copied into content/: published content of the
                 merged database's size), queries interleaved (each warmed once): words of published titles in
                 every language, and the overlay's own words; medians and 95th percentiles
    locate       fieldkit.runtime.locate.locate() with the overlay installed (every launch pays it)
    install      `fieldkit pack install OVERLAY.fkpack` in process (verify, unpack, merge, commit), and a base pack
                 installed over it (the overlay merged onto the new base)

    .venv/bin/python bench/overlay_bench.py                    # 50 and 500 overlay services
    .venv/bin/python bench/overlay_bench.py --services 50 --runs 7
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def overlay_folder(target: Path, base_db: Path, services: int) -> Path:
    """An overlay of `services` services at published places, and attachments to every published service."""
    import sqlite3

    conn = sqlite3.connect(base_db)
    places = [row for row in conn.execute("SELECT id, country FROM entries WHERE type = 'place' AND country IS NOT NULL")]
    published = [row[0] for row in conn.execute("SELECT id FROM entries WHERE type = 'service'")]
    conn.close()
    (target / "service").mkdir(parents=True)
    (target / "attach").mkdir()
    (target / "overlay.yaml").write_text("namespace: org-bench\norganisation: Bench Organisation\n")
    (target / "sources.yaml").write_text("- id: org-bench-list\n  title: Bench list\n  url: https://example.org/list\n")
    rng = random.Random(7)
    for number in range(services):
        place, country = places[number % len(places)]
        (target / "service" / f"org-bench-desk-{number}.en.md").write_text(
            f"---\nid: org-bench-desk-{number}\ntype: service\ntitle: Bench desk {number} near {place}\n"
            f"summary: A walk-in desk {number} for legal and medical questions.\ncountry: {country}\n"
            f"kind: [legal-aid]\norganisation: Bench Organisation\nplace: {place}\n"
            f"contacts:\n  - phone: \"+000 {rng.randint(100, 999)} {number:04d}\"\n"
            "sources:\n  - doc: org-bench-list\n    where: list\n    review_by: 2100-01-01\nas_of: 2026-11\nchecked: 2026-12-01\n---\n"
            f"Desk {number} answers questions about asylum, shelter and medical care.\n", encoding="utf-8")
    for number, service in enumerate(published):
        (target / "attach" / f"{service}.yaml").write_text(
            f"contacts:\n  - phone: \"+000 777 {number:04d}\"\nhours: \"Mon-Fri 09:00-15:00\"\n"
            "sources:\n  - doc: org-bench-list\n    where: list\n    review_by: 2100-01-01\nchecked: 2026-12-01\n", encoding="utf-8")
    return target


def queries(base_db: Path, count: int = 60) -> list[tuple[str, str]]:
    """(query, language): a word of a published title per language, and the overlay's own words."""
    import sqlite3

    from fieldkit.text.fold import fold, words

    conn = sqlite3.connect(base_db)
    rows = conn.execute("SELECT lang, title FROM translations ORDER BY key").fetchall()
    conn.close()
    rng = random.Random(11)
    picked = []
    for lang, title in rng.sample(rows, count):
        found = [word for word in words(fold(title)) if len(word) > 3]
        if found:
            picked.append((rng.choice(found), lang))
    return picked + [("bench desk", "en"), ("walk-in desk asylum", "en"), ("legal aid", "en"), ("+000 777 0001", "en")]


def timed(function, runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def combined_content(target: Path, overlay: Path) -> Path:
    """content/ with the overlay's own services and sources in it: what the merged content would be if published."""
    import shutil

    shutil.copytree(ROOT / "content", target)
    for path in (overlay / "service").iterdir():
        shutil.copy(path, target / "service" / path.name)
    sources = (overlay / "sources.yaml").read_text(encoding="utf-8")
    with open(target / "sources.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n" + sources)
    return target


def search_times(databases: dict[str, Path], picked: list[tuple[str, str]], runs: int) -> dict[str, list[float]]:
    from fieldkit.store.db import connect
    from fieldkit.store.store import Store

    stores = {name: Store(connect(path)) for name, path in databases.items()}
    times: dict[str, list[float]] = {name: [] for name in databases}
    for text, lang in picked:
        for store in stores.values():
            store.search(text, lang=lang, limit=10)  # warm
        for name, store in stores.items():
            times[name].append(timed(lambda: store.search(text, lang=lang, limit=10), runs) * 1000)
    return times


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(round(p / 100 * len(ordered))) - 1)]


def install_times(base_db: Path, overlay: Path, runs: int) -> dict[str, float]:
    """Install the overlay pack (and then a base pack over it) in a fresh user data folder, `runs` times."""
    from fieldkit.cli import main
    from fieldkit.packs import keys
    from fieldkit.packs.build import build_pack

    results: dict[str, list[float]] = {"overlay install": [], "base install with the overlay": [], "locate": []}
    with tempfile.TemporaryDirectory(prefix="fk-overlay-bench-") as work:
        folder = Path(work)
        org, base_key = keys.generate("bench"), keys.generate("base")
        build_pack(overlay, org, folder / "overlay.fkpack", version="2100.1.1", base=base_db)
        build_pack(ROOT / "content", base_key, folder / "base.fkpack", version="2100.1.1")
        (folder / "org.pub").write_text(org.public.line())
        (folder / "base.pub").write_text(base_key.public.line())
        for run in range(runs):
            home = folder / f"home-{run}"
            for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
                os.environ[variable] = str(home / variable.lower())
            from fieldkit import paths

            paths.BUNDLED_DB = base_db  # the shipped content: the base the overlay is merged onto
            main(["pack", "trust", str(folder / "org.pub"), "--namespace", "org-bench"])
            main(["pack", "trust", str(folder / "base.pub")])
            start = time.perf_counter()
            assert main(["pack", "install", str(folder / "overlay.fkpack")]) == 0
            results["overlay install"].append(time.perf_counter() - start)
            from fieldkit.runtime.locate import locate

            results["locate"].append(timed(locate, 5))
            start = time.perf_counter()
            assert main(["pack", "install", str(folder / "base.fkpack")]) == 0
            results["base install with the overlay"].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in results.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--services", type=int, action="append", help="overlay services (default 50 and 500)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from fieldkit.content.build import build
    from fieldkit.content.merge import Layer, merge
    from fieldkit.content.overlay import BaseContent, build_overlay

    with tempfile.TemporaryDirectory(prefix="fk-overlay-bench-") as work:
        folder = Path(work)
        base_db = folder / "base.db"
        start = time.perf_counter()
        build(ROOT / "content", base_db)
        print(f"base: content/ compiled in {time.perf_counter() - start:.1f} s, {base_db.stat().st_size / 1e6:.1f} MB")
        picked = queries(base_db)
        for services in args.services or [50, 500]:
            overlay = overlay_folder(folder / f"overlay-{services}", base_db, services)
            overlay_db = folder / f"overlay-{services}.db"
            start = time.perf_counter()
            build_overlay(overlay, BaseContent.read(base_db), overlay_db)
            compiled = time.perf_counter() - start
            merged = folder / f"merged-{services}.db"
            layer = Layer(overlay_db, "org-bench", "Bench Organisation", "org-bench 2100.1.1")
            merge_time = timed(lambda: merge(base_db, [layer], merged, refuse="org-bench"), args.runs)
            combined = folder / f"combined-{services}.db"
            build(combined_content(folder / f"combined-{services}", overlay), combined)
            times = search_times({"base": base_db, "merged": merged, "one build": combined}, picked, args.runs)
            print(f"\noverlay of {services} services + attachments to every published service "
                  f"(compiled in {compiled:.2f} s):")
            print(f"  merge: {merge_time * 1000:.0f} ms; merged database {merged.stat().st_size / 1e6:.2f} MB "
                  f"(base {base_db.stat().st_size / 1e6:.2f} MB, one build {combined.stat().st_size / 1e6:.2f} MB)")
            for name, samples in times.items():
                print(f"  search on {name:<9}: median {statistics.median(samples):.2f} ms, "
                      f"p95 {percentile(samples, 95):.2f} ms, max {max(samples):.2f} ms ({len(samples)} queries)")
            for against in ("base", "one build"):
                ratios = [merged_ms / other_ms for other_ms, merged_ms in zip(times[against], times["merged"]) if other_ms]
                print(f"  merged / {against} per query: median {statistics.median(ratios):.2f}x")
            for name, value in install_times(base_db, overlay, max(1, args.runs // 2)).items():
                print(f"  {name}: {value:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
