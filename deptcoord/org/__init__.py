"""The organisation: company settings, departments, people, roles, working hours and time off."""
