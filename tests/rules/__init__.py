"""Tests of the rules core (kinerja.rules): pure Python, no database."""
