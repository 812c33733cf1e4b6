#!/usr/bin/env bash
# Refresh the front-end files under deptcoord/static/vendor/ from the npm registry, at the
# pinned versions below, with their licences. The product serves them itself (no CDN).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=deptcoord/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() {  # package version
  (cd "$work" && npm pack --silent "$1@$2" >/dev/null)
  local tarball
  tarball=$(ls "$work"/*.tgz | head -1)
  rm -rf "$work/package" && tar -xzf "$tarball" -C "$work" && rm -f "$tarball"
}

copy() {  # name, files... (relative to the package)
  local name=$1; shift
  rm -rf "${dest:?}/$name" && mkdir -p "$dest/$name"
  for file in "$@"; do
    mkdir -p "$dest/$name/$(dirname "$file")"
    cp -r "$work/package/$file" "$dest/$name/$file"
  done
  for licence in LICENSE LICENSE.md LICENSE.txt license; do
    [ -f "$work/package/$licence" ] && cp "$work/package/$licence" "$dest/$name/LICENSE"
  done
  echo "$name $(node -p "require('$work/package/package.json').version")"
}

fetch bootstrap 5.3.9
copy bootstrap dist/css/bootstrap.min.css dist/css/bootstrap.min.css.map \
  dist/js/bootstrap.bundle.min.js dist/js/bootstrap.bundle.min.js.map
fetch bootstrap-icons 1.13.2
copy bootstrap-icons font/bootstrap-icons.min.css font/fonts/bootstrap-icons.woff2 \
  font/fonts/bootstrap-icons.woff
fetch htmx.org 2.0.11
copy htmx dist/htmx.min.js
fetch chart.js 4.6.1
copy chartjs dist/chart.umd.min.js dist/chart.umd.min.js.map
fetch frappe-gantt 1.2.2
copy frappe-gantt dist/frappe-gantt.umd.js dist/frappe-gantt.css
cp "$work/package/license.txt" "$dest/frappe-gantt/LICENSE"
fetch fullcalendar 6.1.20
copy fullcalendar index.global.min.js
fetch @fullcalendar/core 6.1.20
mkdir -p "$dest/fullcalendar/locales" && cp "$work/package/locales/vi.global.min.js" "$dest/fullcalendar/locales/"
# Date fields in the reader's order (dd/mm/yyyy in Vietnamese); flatpickr calls Vietnamese "vn".
fetch flatpickr 4.6.13
copy flatpickr dist/flatpickr.min.js dist/flatpickr.min.css dist/l10n/vn.js
# Drag and drop (board columns, agenda items).
fetch sortablejs 1.15.7
copy sortablejs Sortable.min.js
# Typeahead pickers with chips (people, steps, goals, departments).
fetch tom-select 2.6.2
copy tom-select dist/js/tom-select.complete.min.js dist/js/tom-select.complete.min.js.map \
  dist/css/tom-select.bootstrap5.min.css dist/css/tom-select.bootstrap5.min.css.map
# Accessibility checks of the browser tests; used by the tests only, so kept beside them.
fetch axe-core 4.14.1
dest=tests/e2e/vendor copy axe-core axe.min.js
