"""Create-or-update by natural key that leaves unchanged rows alone and counts what it did.

Loading the same data twice must change nothing; the counts prove it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import models


class Upserter:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def __call__(self, model: type[models.Model], keys: dict[str, Any], **values: Any):
        obj = model.objects.filter(**keys).first()
        if obj is None:
            obj = model(**keys, **values)
            obj.full_clean()
            obj.save()
            self.counts["dibuat"] += 1
            return obj
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            obj.full_clean()
            obj.save(update_fields=changed)
            self.counts["diubah"] += 1
        else:
            self.counts["tetap"] += 1
        return obj

    def summary(self) -> str:
        return ", ".join(f"{k}: {self.counts[k]}" for k in ("dibuat", "diubah", "tetap"))
