"""core.static_storage.StaticStorage, the static storage of a deployment: the URLs whitenoise's manifest storage
gives, each worked out once; a name missing from the manifest still raises, and is not kept."""

import json

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from core.static_storage import StaticStorage

MANIFEST = {"version": "1.1", "hash": "0123456789ab", "paths": {
    "praxis/praxis.css": "praxis/praxis.0a1b2c3d4e5f.css",
    "vendor/bootstrap/bootstrap.min.css": "vendor/bootstrap/bootstrap.min.9f8e7d6c5b4a.css",
}}


@pytest.fixture
def storages(tmp_path, settings):
    settings.DEBUG = False
    (tmp_path / "staticfiles.json").write_text(json.dumps(MANIFEST), encoding="utf-8")
    return (StaticStorage(location=tmp_path, base_url="/static/"),
            CompressedManifestStaticFilesStorage(location=tmp_path, base_url="/static/"))


def test_urls_are_whitenoises_and_kept(storages):
    kept, plain = storages
    for name in ("praxis/praxis.css", "vendor/bootstrap/bootstrap.min.css", "praxis/praxis.css"):
        assert kept.url(name) == plain.url(name)
    assert kept.url("praxis/praxis.css") == "/static/praxis/praxis.0a1b2c3d4e5f.css"
    assert kept._urls == {name: f"/static/{hashed}" for name, hashed in MANIFEST["paths"].items()}


def test_a_name_missing_from_the_manifest_raises_and_is_not_kept(storages):
    kept, _plain = storages
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            kept.url("praxis/missing.css")
    assert kept._urls == {}


def test_the_number_of_names_kept_is_bounded(storages, monkeypatch):
    kept, _plain = storages
    monkeypatch.setattr(StaticStorage, "kept", 1)
    kept.url("praxis/praxis.css")
    assert kept.url("vendor/bootstrap/bootstrap.min.css") == "/static/vendor/bootstrap/bootstrap.min.9f8e7d6c5b4a.css"
    assert list(kept._urls) == ["praxis/praxis.css"]
