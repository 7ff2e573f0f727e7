"""One way to read YAML: PyYAML's safe loader, in C when the wheel has libyaml.

The data files of ``core`` are read by every process (a CLI search included); the pure-Python
loader spent ~0.1 s of CPU per process on the grammar alone, the C one a tenth of that.
Both are safe loaders: a meta.yaml from a user's repository is untrusted text.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Union

import yaml

Error = yaml.YAMLError
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def loads(text: str) -> Any:
    """Parse YAML text (safe: plain data only)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def load(path: Union[str, Path]) -> Any:
    """Parse a UTF-8 YAML file."""
    return loads(Path(path).read_text(encoding="utf-8"))
