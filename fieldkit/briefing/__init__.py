"""Briefings for trainers: decks written as content or generated from a route, presented or handed out."""
