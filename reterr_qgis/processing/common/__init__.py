"""Kits shared by the algorithms of every theme: input readers, parameter groups (composed, not inherited), the output writer and parameter parsing."""
