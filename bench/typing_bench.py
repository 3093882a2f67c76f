"""Search as you type in the app: words typed key by key into the search screen against a large database.

The app runs under Textual's test driver (App.run_test(), headless, 100x30) on the database of a scale
(/tmp/fk-x<scale>.db, see search_bench.py; built if missing). For each word the search field is cleared, then
the word's characters are sent one at a time as key events, `--interval` ms apart (0: each key as soon as the
previous one has been handled, faster than anyone types). Two times are taken inside the app:

    keystroke   from sending a key until the search screen has handled it: the field shows the character and
                the search for the new text has been started in its worker thread (SearchScreen.start_search
                returned). Typing never waits on a search if this stays small whatever the searches cost.
    results     from sending the word's last key until the results for the whole word are on the screen
                (SearchScreen.show_results for the final text, which it does not discard).

Words: rare words (7-16 letters, so typing passes through 1-3 letter prefixes that match thousands of
documents), Cyrillic words and Arabic-script words from bench-queries.json, each searched in its own language
as the app does (`lang` = the app's language). Plans: `store` (schema 2: broad queries ranked by the title index)
and `plain` (the schema 1 plan on the same database: every match ranked by bm25), for comparison.

    .venv/bin/python bench/typing_bench.py --scale 100 [--interval 0 120] [--words 8] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import SimpleNamespace

from textual import events
from textual.widgets import Input

from fieldkit.store.db import Located, connect
from fieldkit.store.models import SearchResult
from fieldkit.store.store import Store
from fieldkit.tui import app as app_module
from fieldkit.tui.app import FieldkitApp
from fieldkit.tui.screens.search import SearchScreen
from fieldkit.userdata import UserData

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import ensure, percentile  # noqa: E402

CLASSES = ("rare word", "cyrillic for latin", "arabic other variant")


class CountedStore(Store):
    """Store that knows how many searches are running in any thread (a cancelled worker's thread runs on)."""

    lock = threading.Lock()
    running = 0
    spent: list[float] = []  # ms of each search (in the worker threads)

    def search_explained(self, *args, **kwargs):  # what the search screen calls (Store.search calls it too)
        with CountedStore.lock:
            CountedStore.running += 1
        started = time.perf_counter()
        try:
            return super().search_explained(*args, **kwargs)
        finally:
            with CountedStore.lock:
                CountedStore.running -= 1
                CountedStore.spent.append((time.perf_counter() - started) * 1000)


class PlainStore(CountedStore):
    """The schema 1 plan on a schema 2 database: every match ranked by bm25, snippets made from bodies."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_tables = False


class NoSearchStore(CountedStore):
    """A store whose search finds nothing at once: what the app costs per keystroke with no search work at all."""

    def search_explained(self, text, *args, **kwargs):
        return SearchResult([], SimpleNamespace(corrected_text=None))


class Clock:
    """Times taken inside the search screen: when a search was started and when results were shown."""

    def __init__(self) -> None:
        self.started: dict[str, float] = {}  # text -> when start_search returned for it
        self.shown: dict[str, float] = {}  # text -> when its results went on the screen
        self.drawing: list[tuple[float, float]] = []  # (start, end) of every show_results, on the UI thread

    def install(self) -> None:
        clock = self
        real_search, real_show = self.real = SearchScreen.search, SearchScreen.show_results

        # start_search (the Input.Changed handler, registered by @on when the class was made) calls self.search,
        # the @work method that starts the worker thread; it is looked up by name, so it can be wrapped here.
        def search(screen: SearchScreen, text: str, *args):
            worker = real_search(screen, text, *args)
            clock.started.setdefault(text, time.perf_counter())
            return worker

        def show_results(screen: SearchScreen, text: str, hits, *rest) -> None:  # rest: the correction, if any
            started = time.perf_counter()
            real_show(screen, text, hits, *rest)
            clock.drawing.append((started, time.perf_counter()))
            if text == screen.query_one("#query", Input).value:
                clock.shown.setdefault(text, time.perf_counter())

        SearchScreen.search = search
        SearchScreen.show_results = show_results

    def uninstall(self) -> None:
        SearchScreen.search, SearchScreen.show_results = self.real


async def wait_until(condition, timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0)


async def type_words(db: Path, store_class: type[Store], words: list[dict], interval: float) -> dict:
    clock = Clock()
    clock.install()
    app_module.Store = store_class  # the app's worker threads open their own stores through this name
    home = tempfile.TemporaryDirectory(prefix="fk-typing-")
    store = store_class(connect(db), Located(db, "--db"))
    app = FieldkitApp(store, userdata=UserData(Path(home.name) / "userdata.db"), today=dt.date(2026, 12, 1))
    keystrokes: list[float] = []
    results: list[float] = []
    prefixes: list[float] = []  # results for each text as typed, where they were shown before the next key
    typed = 0
    CountedStore.spent = []
    hits_shown: list[int] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        field = app.screen.query_one("#query", Input)
        for item in words:
            app.lang = item["lang"]  # content in the word's language, as a person using the app in it would see
            clock.shown.clear()
            emptied = field.value != ""
            field.value = ""
            await wait_until(lambda: ("" in clock.shown or not emptied) and CountedStore.running == 0)
            await pilot.pause()
            await asyncio.sleep(0.1)  # the emptied list is redrawn on the next screen update, before anyone types
            clock.started.clear()
            clock.shown.clear()
            text = ""
            last_sent = 0.0
            sent_at: dict[str, float] = {}
            for char in item["text"]:
                text += char
                sent = time.perf_counter()
                key = events.Key(char, char)  # as Pilot.press sends a key, without its waits for idle
                key.set_sender(app)
                app._driver.send_message(key)
                sent_at[text] = sent
                await wait_until(lambda: text in clock.started)
                keystrokes.append((clock.started[text] - sent) * 1000)
                last_sent = sent
                if interval:
                    await asyncio.sleep(max(0.0, interval / 1000 - (time.perf_counter() - sent)))
            await wait_until(lambda: text in clock.shown)
            results.append((clock.shown[text] - last_sent) * 1000)
            typed += len(item["text"])
            prefixes += [(clock.shown[t] - sent_at[t]) * 1000 for t in sent_at if t in clock.shown]
            hits_shown.append(app.screen.query_one("#results").option_count)
            assert field.value == text, (field.value, text)
        await wait_until(lambda: CountedStore.running == 0)
    store.close()
    app.userdata.close()
    home.cleanup()
    clock.uninstall()
    return {"keystroke": keystrokes, "results": results, "hits": hits_shown,
            "prefixes": prefixes, "typed": typed,
            "search": CountedStore.spent, "drawing": [(end - start) * 1000 for start, end in clock.drawing]}


def summary(samples: list[float]) -> dict[str, float]:
    return {"p50": percentile(samples, 50), "p95": percentile(samples, 95), "max": max(samples), "n": len(samples)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=100)
    parser.add_argument("--interval", type=float, nargs="+", default=[0, 120], help="ms between keys (0: at once)")
    parser.add_argument("--words", type=int, default=8, help="words per class")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    content, db = ensure(args.scale)
    queries = json.loads((content / "bench-queries.json").read_text(encoding="utf-8"))
    words = [item for name in CLASSES for item in queries["classes"][name][: args.words]]
    out: dict = {"scale": args.scale, "words": [w["text"] for w in words], "runs": {}}
    print(f"x{args.scale:g}: {len(words)} words, {sum(len(w['text']) for w in words)} keystrokes per run\n")
    print("| plan | interval | keystroke handled, ms p50 / p95 / max | results for the word, ms p50 / p95 / max | "
          "results for each text typed: shown, ms p50 / p95 / max | each search (worker), ms p50 / p95 | "
          "drawing results (UI), ms p50 / p95 |")
    print("|---|---|---|---|---|---|---|")
    plans = (("store", CountedStore), ("plain", PlainStore), ("no search", NoSearchStore))
    for interval in args.interval:
        for name, store_class in plans:
            run = asyncio.run(type_words(db, store_class, words, interval))
            k, r, p = summary(run["keystroke"]), summary(run["results"]), summary(run["prefixes"])
            s = summary(run["search"]) if run["search"] else {"p50": 0.0, "p95": 0.0}
            d = summary(run["drawing"])
            out["runs"][f"{name} {interval:g}"] = {"keystroke": k, "results": r, "prefixes": p, "search": s,
                                                    "drawing": d, "raw": run}
            print(f"| {name} | {interval:g} ms | {k['p50']:.2f} / {k['p95']:.2f} / {k['max']:.2f} | "
                  f"{r['p50']:.1f} / {r['p95']:.1f} / {r['max']:.1f} | "
                  f"{p['n']}/{run['typed']}, {p['p50']:.1f} / {p['p95']:.1f} / {p['max']:.1f} | "
                  f"{s['p50']:.1f} / {s['p95']:.1f} | {d['p50']:.1f} / {d['p95']:.1f} |", flush=True)
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
