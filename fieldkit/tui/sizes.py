"""The smallest terminal the app lays out for: smaller shows TooSmallScreen (fieldkit/tui/screens/dialogs.py).

Its own module so the app can check the size at start without importing the dialogs, which the home screen
does not show."""

MIN_WIDTH, MIN_HEIGHT = 80, 24
