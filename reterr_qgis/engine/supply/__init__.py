"""Local supply chains (food autonomy, sourcing flows, value chains): filled by the supply-chain theme."""
