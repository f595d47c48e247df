"""The REST API and the dashboard in one ASGI app: `create_app(store_url)`.

app.py        the factory: routes, error mapping, security headers, static files
routes.py     /api/... (JSON, pydantic response models, OpenAPI at /openapi.json)
schemas.py    response models
security.py   bearer token, body size cap, rate limit on writes
errors.py     one error shape for every failure
context.py    the store and locks the handlers share
"""

from hemiwatch.api.app import create_app

__all__ = ["create_app"]
