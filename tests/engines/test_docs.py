"""docs/scaling.md's Spark and Dask examples are the engine tests' code, line for line:
only imports and the lines marked ``# yours`` (paths, the cluster) may differ."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
DOC = HERE.parent.parent / "docs" / "scaling.md"


def example(heading: str) -> list[str]:
    """The lines of the first Python block under ``### heading`` that the test must hold."""
    section = DOC.read_text(encoding="utf-8").split(f"\n### {heading}\n", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block, f"no Python example under {heading}"
    lines = [line.strip() for line in block.group(1).splitlines()]
    return [s for s in lines if s and not s.endswith("# yours") and not _is_import(s)]


def _is_import(line: str) -> bool:
    return line.startswith(("import ", "from "))


def holds_in_order(test: Path, wanted: list[str]) -> bool:
    """``wanted`` appears in the test as consecutive lines (indentation aside)."""
    lines = [s for line in test.read_text(encoding="utf-8").splitlines() if (s := line.strip())]
    return any(lines[i : i + len(wanted)] == wanted for i in range(len(lines)))


@pytest.mark.parametrize(
    ("heading", "test"),
    [
        pytest.param("Spark", "test_spark.py", id="spark"),
        pytest.param("Dask", "test_dask.py", id="dask"),
    ],
)
def test_the_docs_example_is_the_tests_code(heading: str, test: str) -> None:
    wanted = example(heading)
    assert len(wanted) >= 5 and holds_in_order(HERE / test, wanted)


def test_a_changed_line_is_caught(tmp_path: Path) -> None:
    wanted = example("Dask")
    changed = (HERE / "test_dask.py").read_text(encoding="utf-8").replace("persist()", "compute()")
    (tmp_path / "t.py").write_text(changed, encoding="utf-8")
    assert not holds_in_order(tmp_path / "t.py", wanted)
