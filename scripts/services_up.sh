#!/usr/bin/env bash
# Exit 0 when PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) both answer.
(exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null || exit 1
(exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null || exit 1
exit 0
