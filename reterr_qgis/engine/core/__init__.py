"""Shared engine kit: errors and messages, the indicator registry, zonings (commune → territory weights)."""
