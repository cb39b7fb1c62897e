"""Benchmarks (``make bench``): they print their figures; no test asserts a wall-clock time."""
