"""The ``kinerja`` console command: a thin front to the Django management commands.

``kinerja demo``, ``kinerja periksa TABEL.csv``, ``kinerja migrate`` … each subcommand is a
management command of one of the domain apps; this module only points Django at our settings.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    from django.core.management import execute_from_command_line

    args = ["kinerja", *(sys.argv[1:] if argv is None else argv)]
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
