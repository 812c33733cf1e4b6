"""A deterministic company generator for benchmarks: `manage.py generate_company --size S|M|L`.

Each part of the product adds a stage (see ``STAGES`` in ``stages.py``); a stage builds its
records in bulk from the shared ``Context`` (the random generators and what earlier stages
made), so a given size and seed always give the same company.
"""
