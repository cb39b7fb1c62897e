"""The rules core as a library: pure Python, documented, examples that run."""

import ast
import doctest
import importlib
import re
from decimal import Decimal
from pathlib import Path

import pytest

import kinerja.rules

PACKAGE = Path(kinerja.rules.__file__).parent
MODULES = [
    "numbers",
    "capaian",
    "quarters",
    "rollup",
    "predikat",
    "serapan",
    "formats",
    "text",
    "suku_kata",
]


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_django_and_short_files(path):
    imported = _imported_modules(path)
    assert not any(name.split(".")[0] == "django" for name in imported)
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


def test_everything_is_reexported():
    for name in kinerja.rules.__all__:
        assert hasattr(kinerja.rules, name), name
    for module in MODULES:
        mod = importlib.import_module(f"kinerja.rules.{module}")
        for name in getattr(mod, "__all__", []):
            assert name in kinerja.rules.__all__, f"{module}.{name}"


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module):
    mod = importlib.import_module(f"kinerja.rules.{module}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert mod.__doc__


def test_readme_examples():
    text = (PACKAGE / "README.md").read_text(encoding="utf-8")
    # Keep only the ```python blocks, so that Markdown around them is not read as output.
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert blocks
    source = "\n".join(blocks)
    test = doctest.DocTestParser().get_doctest(
        source, {"Decimal": Decimal}, "README.md", str(PACKAGE / "README.md"), 0
    )
    assert test.examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
