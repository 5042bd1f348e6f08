"""Readers of the desk's and the statistics' pages (the numbers by their data attributes)."""

import re

from django.urls import reverse


def page(client, user, name="continuing_education:desk", **query):
    client.force_login(user)
    response = client.get(reverse(name), query)
    assert response.status_code == 200
    return response.content.decode()


def counts(html: str) -> dict:
    """{count name: number} of the tiles shown."""
    return {name: int(value) for name, value in re.findall(r'data-testid="count-(\w+)">(\d+)<', html)}


def links(html: str) -> dict:
    found = re.findall(r'href="([^"]+)" data-link="(\w+)"', html)
    return {name: url.replace("&amp;", "&") for url, name in found}


def table(html: str, row_attribute: str) -> dict:
    """{row key: {column: text}} of the rows carrying `row_attribute` (data-year, data-region)."""
    rows = {}
    for key, body in re.findall(rf'<tr {row_attribute}="([^"]*)"[^>]*>(.*?)</tr>', html, re.S):
        rows[key] = dict(re.findall(r'<td data-column="(\w+)">([^<]*)</td>', body))
    return rows
