"""Algorithms that prepare the road network shared by every theme."""
