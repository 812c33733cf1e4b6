"""Projects, steps, dependencies, requests, time and budgets."""
