"""Territory profiles: counts aggregated from communes to any zoning, and the indicators derived from them."""
