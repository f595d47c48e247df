"""schemathesis against /openapi.json: generated requests, valid and not, never get a 500.

The app is built at import (schemathesis parametrizes at collection): a fresh SQLite store
holding the fictional sample corpus, with writes enabled."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from hemiwatch.api import create_app
from hemiwatch.ingest.run import ingest
from hemiwatch.store import open_store

ROOT = Path(__file__).resolve().parent.parent
_DIR = tempfile.mkdtemp(prefix="hemiwatch-schema-")
_URL = f"sqlite:///{_DIR}/hemiwatch.db"
_store = open_store(_URL)
ingest([ROOT / "samples" / "articles"], _store)
_store.close()

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(_URL, token="schema-token"))


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error(case: schemathesis.Case) -> None:
    response = case.call(headers={"Authorization": "Bearer schema-token"})
    assert response.status_code < 500, (case.method, case.path, response.text[:300])
