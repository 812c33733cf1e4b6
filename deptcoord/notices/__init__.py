"""In-app notifications: the bell, preferences per kind, e-mails and the unsubscribe link."""
