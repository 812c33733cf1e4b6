"""The audit trail: who changed what and when, hash-chained so tampering shows."""
