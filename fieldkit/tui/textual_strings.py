"""Textual's own words on fieldkit's screens, marked here so the catalogs translate them: the command palette's
system commands (fieldkit/tui/app.py, get_system_commands) and the footer's palette key (TranslatedFooter).

Each string is exactly as Textual writes it (textual/app.py, App.BINDINGS); a Textual upgrade that rewords one
leaves it in English until it is added here (tests/tui/test_rtl.py checks the palette and the footer).
"""

from fieldkit.i18n.catalog import N_

TEXTUAL_STRINGS = (
    N_("palette"), N_("Search for commands…"),
    N_("Theme"), N_("Change the current theme"),
    N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Show help for the focused widget and a summary of available keys"),
    N_("Hide the keys and widget help panel"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
)
