"""The baseline for start-up: a minimal Textual app (Header, Input, Markdown), as in the design notes."""

from textual.app import App, ComposeResult
from textual.widgets import Header, Input, Markdown


class MinimalApp(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search")
        yield Markdown("# Topics\n\nA minimal Textual app.")


if __name__ == "__main__":
    MinimalApp().run()
