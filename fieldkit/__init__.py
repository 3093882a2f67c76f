"""fieldkit: an offline field reference for humanitarian work on the Western Balkans route."""

__version__ = "0.1.0"
