"""Algorithms of the resilience index."""
