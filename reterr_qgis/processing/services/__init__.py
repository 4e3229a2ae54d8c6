"""Algorithms of the access-to-services theme."""
