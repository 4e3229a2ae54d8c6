"""Inter-territorial complementarity (specialisation, complementarity, flows, functional areas): filled by the complementarity theme."""
