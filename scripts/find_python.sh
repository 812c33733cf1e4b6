#!/usr/bin/env bash
# Print the path of a Python 3.12+ interpreter (3.13 preferred, as .python-version says),
# or explain what to install and fail.
for candidate in python3.13 python3.12 python3 python; do
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if "$path" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
    echo "$path"
    exit 0
  fi
done
cat >&2 <<'MSG'
deptcoord needs Python 3.12 or newer (3.13 recommended) and none was found.
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install python3.13 python3.13-venv
  pyenv:          pyenv install 3.13
  macOS:          brew install python@3.13
then run the command again.
MSG
exit 1
