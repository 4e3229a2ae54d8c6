"""The resilience index (composite indicator with its uncertainty) and the dock's per-territory profile."""
