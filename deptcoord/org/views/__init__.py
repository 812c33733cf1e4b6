"""Pages of the organisation: departments, people, imports and the person's own profile."""
