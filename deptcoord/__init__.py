"""deptcoord: the department coordinator\x27s workplace."""
