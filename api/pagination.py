"""Cursor pagination: stable under inserts, and cheap on large tables (no COUNT, no OFFSET)."""

from rest_framework.pagination import CursorPagination


class IdCursorPagination(CursorPagination):
    ordering = "-id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
