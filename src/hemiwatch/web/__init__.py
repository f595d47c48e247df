"""The dashboard: templates, static assets (vendored by scripts/vendor-assets.sh) and pages."""
