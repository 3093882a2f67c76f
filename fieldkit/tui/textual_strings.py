"""Textual's own words on fieldkit's screens, marked here so the catalogs translate them: the command palette's
system commands (fieldkit/tui/app.py, get_system_commands), the footer's palette key (TranslatedFooter), and the
key descriptions of Textual's widgets (the input, lists, scrolling), which its Keys panel lists for the focused
widget (screens/base.py translates every description shown).

Each string is exactly as Textual writes it (textual/app.py, App.BINDINGS, and each widget's BINDINGS); a Textual
upgrade that rewords or adds one leaves it in English until it is added here (tests/tui/test_rtl_layout.py checks
the palette and the footer, tests/tui/test_textual_keys.py every key description on fieldkit's screens).
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
    # Key descriptions of Textual's widgets and screens (the Keys panel).
    N_("Copy selected text"), N_("Cut selected text"), N_("Delete all to the left"), N_("Delete all to the right"),
    N_("Delete character left"), N_("Delete character right"), N_("Delete left to start of word"),
    N_("Delete right to start of word"), N_("Dismiss menu"), N_("Down"), N_("Focus Next"), N_("Focus Previous"),
    N_("Go to end"), N_("Go to start"), N_("Move cursor left"), N_("Move cursor left a word"),
    N_("Move cursor left a word and select"), N_("Move cursor left and select"), N_("Move cursor right a word"),
    N_("Move cursor right a word and select"), N_("Move cursor right and select"),
    N_("Move cursor right or accept the completion suggestion"), N_("Page Down"), N_("Page Left"), N_("Page Right"),
    N_("Page Up"), N_("Paste text from the clipboard"), N_("Scroll Down"), N_("Scroll End"), N_("Scroll Home"),
    N_("Scroll Left"), N_("Scroll Right"), N_("Scroll Up"), N_("Select"), N_("Select all"), N_("Select line end"),
    N_("Select line start"), N_("Show menu"), N_("Submit"), N_("Up"),
)
