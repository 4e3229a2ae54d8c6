"""Processing provider "ReTerr" (id ``reterr``) and its algorithms."""
