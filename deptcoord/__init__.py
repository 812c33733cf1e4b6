"""deptcoord: the department coordinator's workplace."""
