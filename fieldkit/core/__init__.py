"""Facts and helpers every layer may use: stdlib only."""
