"""The command palette's commands, found by the words a reader types in any interface language.

Textual matches what is typed against each command's name as shown. In Arabic, Farsi, Pashto and Urdu the name
is shown in visual order and joined letter forms (fieldkit lays that text out itself), which nothing typed can
match: the reader types letters in logical order. The app keeps the logical name of each name it shows
(`FieldkitApp.typed_form`); this provider matches the query against that and shows the name as laid out.
"""

from __future__ import annotations

from textual.command import Hit, Hits
from textual.system_commands import SystemCommandsProvider


class FieldkitCommands(SystemCommandsProvider):
    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        typed: dict[str, str] = getattr(self.app, "typed_form", {})
        for name, help_text, callback, *_rest in self.app.get_system_commands(self.screen):
            words = typed.get(name, name)
            if (match := matcher.match(words)) > 0:
                # A name laid out right to left is shown as it is: the matched letters' places are logical ones.
                yield Hit(match, matcher.highlight(name) if words == name else name, callback, help=help_text)
