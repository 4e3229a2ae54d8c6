"""Algorithms that export documents for council meetings."""
