"""Algorithms of the local supply chains theme (group "Filières locales")."""
