"""Tests of the report exporters (charts, HTML, PDF): real rendering, no mocks."""
