"""What an entry screen part shows, whichever widget shows it (Static, or RtlLines in a right-to-left interface)."""


def shown(screen, part: str) -> str:
    for selector in (f"#entry-{part}", f"#entry-{part}-rtl"):
        widget = screen.query_one(selector)
        if widget.display:
            return str(widget.render())
    raise AssertionError(f"no #entry-{part} is displayed")


def screen_text(app) -> str:
    """Every cell of the screen as it is drawn now, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
