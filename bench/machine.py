"""The machine the figures were taken on: its processor and two yardsticks of its speed.

Report and web figures are pure Python for the most part (WeasyPrint, matplotlib, Django):
they follow the speed of one core and, more, of its memory, which differed about twofold
between the days this bench ran on machines of the same kind. Two yardsticks say which
kind of day it is: a loop of arithmetic (the core) and a million small objects built and
read in random order (memory, as a layout engine uses it). They run last, so that their
objects stay out of the reports' peak memory; a neighbour's load that comes and goes
within a run is not in them (the reports print their range for that).
"""

from __future__ import annotations

import gc
import os
import platform
import random
import time
from pathlib import Path

from bench.figures import detik

__all__ = ["bench_machine"]


def _loop() -> float:
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


class _Node:
    __slots__ = ("items", "value", "values")

    def __init__(self, value: int):
        self.value, self.items, self.values = value, [value], {"value": value}


def _objects() -> float:
    """A million objects, each with a list and a dict, built and read in random order; the
    cyclic collector off, or its full collections of the growing heap would be measured."""
    order = list(range(1_000_000))
    random.Random(2024).shuffle(order)
    gc.disable()
    try:
        start = time.perf_counter()
        nodes = [_Node(i) for i in range(len(order))]
        sum(nodes[i].values["value"] for i in order)
        del nodes
        return time.perf_counter() - start
    finally:
        gc.enable()


def _processor() -> str:
    try:
        info = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or platform.machine()
    fields = {}
    for line in info.splitlines():
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), value.strip())
    name = fields.get("model name") or platform.machine()
    mhz = fields.get("cpu MHz", "").split(".")[0]
    return f"{name}, {mhz} MHz" if mhz else name


def bench_machine() -> None:
    print(f"mesin: {os.cpu_count()} inti, {_processor()}; Python {platform.python_version()}")
    loop = min(_loop() for _ in range(3))
    objects = min(_objects() for _ in range(3))
    print(f"acuan inti: 10 juta putaran penjumlahan (terbaik dari 3):    {detik(loop)}")
    print(f"acuan memori: 1 juta objek, dibaca acak (terbaik dari 3):   {detik(objects)}")
