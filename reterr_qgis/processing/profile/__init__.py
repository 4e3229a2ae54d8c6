"""Algorithms of the territory profile theme."""
