"""The Indonesian front of the ``kinerja`` commands that speak argparse to users.

``kinerja periksa`` and ``kinerja ikm`` promise exit code 2 with an Indonesian message on
unusable arguments; :class:`PerintahIndonesia` gives them one parser that does so:
Indonesian usage line, section titles and argparse errors.
"""

from __future__ import annotations

import re

from django.core.management.base import BaseCommand, DjangoHelpFormatter

#: argparse's own (English) error messages, in Indonesian.
_TERJEMAHAN = (
    (r"the following arguments are required: (.*)", r"argumen wajib belum diisi: \1"),
    (r"unrecognized arguments: (.*)", r"argumen tidak dikenal: \1"),
    (
        r"argument (\S+): invalid choice: (.*) \(choose from (.*)\)",
        r"opsi \1: \2 bukan pilihan yang sah (pilihan: \3)",
    ),
    (r"argument (\S+): expected one argument", r"opsi \1 memerlukan satu nilai"),
    (r"ambiguous option: (.*)", r"opsi ambigu: \1"),
    (r"argument (\S+): (.*)", r"opsi \1: \2"),
)


def terjemahkan(pesan: str) -> str:
    """An argparse error message in Indonesian (unknown messages pass unchanged)."""
    for pola, ganti in _TERJEMAHAN:
        if re.fullmatch(pola, pesan):
            return re.sub(pola, ganti, pesan)
    return pesan


class _Formatter(DjangoHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "penggunaan: ")


class PerintahIndonesia(BaseCommand):
    """A command whose help and usage errors are Indonesian; usage errors exit 2."""

    requires_system_checks = []
    requires_migrations_checks = False

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser._positionals.title = "argumen"
        parser._optionals.title = "opsi"
        parser.add_argument(
            "-h", "--help", action="help", help="Tampilkan bantuan ini lalu keluar."
        )
        asli = parser.error

        def error(pesan: str):
            if not parser.called_from_command_line:
                asli(terjemahkan(pesan))
            parser.print_usage(self.stderr._out)
            parser.exit(2, f"{parser.prog}: galat: {terjemahkan(pesan)}\n")

        parser.error = error
        return parser
