"""Goals, key results, check-ins, standards and measurements."""
