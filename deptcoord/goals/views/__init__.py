"""Pages of goals: the tree and list, goals, key results and check-ins, templates, standards,
imports and exports."""
