"""Building blocks every app shares: the acting person, versions, tabular files, money."""
