#!/usr/bin/env python
"""Django's manage.py, kept for habit; ``kinerja`` is the same command."""

from kinerja.cli import main

if __name__ == "__main__":
    main()
