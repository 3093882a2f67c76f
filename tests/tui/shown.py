"""What an entry screen part shows, whichever widget shows it (Static, or RtlLines in a right-to-left interface)."""


def shown(screen, part: str) -> str:
    for selector in (f"#entry-{part}", f"#entry-{part}-rtl"):
        widget = screen.query_one(selector)
        if widget.display:
            return str(widget.render())
    raise AssertionError(f"no #entry-{part} is displayed")


async def footer_line(pilot) -> str:
    """The footer's line once it is drawn: Textual composes the footer after the screen's bindings settle, which
    takes longer on a busy machine than one pause."""
    for _ in range(40):
        await pilot.pause(0.05)
        line = screen_text(pilot.app).splitlines()[-1]
        if line.strip():
            return line
    return line


def screen_text(app) -> str:
    """Every cell of the screen as it is drawn now, line by line."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
