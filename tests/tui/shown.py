"""What an entry screen part shows, whichever widget shows it (Static, or RtlLines in a right-to-left interface)."""


def shown(screen, part: str) -> str:
    for selector in (f"#entry-{part}", f"#entry-{part}-rtl"):
        widget = screen.query_one(selector)
        if widget.display:
            return str(widget.render())
    raise AssertionError(f"no #entry-{part} is displayed")
