"""People: skills and gaps, development plans, feedback and discipline, 1:1s, recognition."""
