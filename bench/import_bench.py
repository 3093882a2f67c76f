"""Import time per row for partner sheets of growing size: linear means the ms per row stay flat.

    .venv/bin/python bench/import_bench.py [--rows 2000 8000 32000] [--same-name]

Each sheet has one new, valid service per row (every row is planned and rendered, as for a real first import),
and is imported with --dry-run into a copy of the test fixture content under /tmp (nothing is written).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from fieldkit.interop.importer import import_services

ROOT = Path(__file__).resolve().parent.parent
HEADER = ("Name,Organisation,Type,Country,Town,Phone\n"
          "#service+name,#org+name,#service+type,#country+code,#loc+name,#contact+phone\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[2000, 8000, 32000])
    parser.add_argument("--same-name", action="store_true", help="every row has the same name (numbered ids)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fk-import-bench-") as work:
        content = Path(work) / "content"
        shutil.copytree(ROOT / "tests" / "fixtures" / "content", content)
        for rows in args.rows:
            sheet = Path(work) / f"sheet-{rows}.csv"
            name = (lambda i: "Legal desk") if args.same_name else (lambda i: f"Legal desk {i}")
            sheet.write_text(HEADER + "".join(f"{name(i)},Org {i % 7},legal-aid,BA,Bihać,+387 61 {i:06d}\n"
                                              for i in range(rows)), encoding="utf-8")
            start = time.perf_counter()
            report = import_services(sheet, content, dry_run=True)
            took = time.perf_counter() - start
            print(f"{rows:>7} rows  {took:7.1f} s  {took / rows * 1000:5.2f} ms/row  ({report.count('new')} new)")


if __name__ == "__main__":
    main()
