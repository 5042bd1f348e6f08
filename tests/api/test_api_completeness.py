"""Every API route has a row in exactly one API access matrix (tests/**/test_api_matrix.py)."""

import importlib
import pkgutil

import tests
from tests.api.matrix import api_routes


def all_rows() -> dict:
    rows, twice = {}, []
    for module_info in pkgutil.walk_packages(tests.__path__, "tests."):
        if not module_info.name.endswith(".test_api_matrix"):
            continue
        matrix = importlib.import_module(module_info.name).API_MATRIX
        twice += sorted(set(rows) & set(matrix))
        rows.update(matrix)
    assert not twice, f"API routes with rows in two matrices: {twice}"
    return rows


def test_every_api_route_has_a_row():
    rows = all_rows()
    missing = sorted(set(api_routes()) - set(rows))
    assert not missing, f"API routes without a row in an API matrix (tests/<app>/test_api_matrix.py): {missing}"
    stale = sorted(set(rows) - set(api_routes()))
    assert not stale, f"API matrix rows for routes that no longer exist: {stale}"
