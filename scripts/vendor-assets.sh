#!/usr/bin/env bash
# Vendor the dashboard's third-party static assets from the npm registry into
# src/hemiwatch/web/static/vendor/, each with its licence. The dashboard then works offline
# and loads nothing from a CDN. Run it again to update; commit what it writes.
#
#   world-atlas 2.0.2     countries-50m.json (TopoJSON, Natural Earth; ISC licence)
#   chart.js 4.6.1        chart.umd.min.js (MIT)
#   swagger-ui-dist 5.35  swagger-ui-bundle.js + swagger-ui.css for /docs (Apache-2.0)
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/hemiwatch/web/static/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 chart.js@4.6.1 swagger-ui-dist@5.35.0 >/dev/null)
mkdir -p "$out"
take() {  # take TARBALL FILE DEST
  tar -xzf "$work/$1" -C "$work" "package/$2"
  cp "$work/package/$2" "$out/$3"
}
take world-atlas-2.0.2.tgz countries-50m.json countries-50m.json
take world-atlas-2.0.2.tgz LICENSE world-atlas.LICENSE
take chart.js-4.6.1.tgz dist/chart.umd.min.js chart.umd.min.js
take chart.js-4.6.1.tgz LICENSE.md chart.js.LICENSE.md
take swagger-ui-dist-5.35.0.tgz swagger-ui-bundle.js swagger-ui-bundle.js
take swagger-ui-dist-5.35.0.tgz swagger-ui.css swagger-ui.css
take swagger-ui-dist-5.35.0.tgz LICENSE swagger-ui.LICENSE
take swagger-ui-dist-5.35.0.tgz NOTICE swagger-ui.NOTICE
echo "vendored into $out:"
ls -l "$out"
