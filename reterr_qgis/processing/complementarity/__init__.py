"""Processing algorithms of the "Complementarity" theme (specialisation, complementarity,
commuting flows, flow indicators, functional areas)."""
