"""Every import points one way: core <- db <- read <- store <- ingest <- api <- cli.

``export`` formats what the read layer produces (it may import core, db and read); ``web``,
the web server, is a sibling of ``cli``: both stand on ``quotedb.api`` alone, and one edge
joins them: ``quotedb.cli.serve`` starts the server of ``quotedb.web``. Imports inside
functions count (a lazy import is still a dependency), and so do ``TYPE_CHECKING`` ones.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quotedb"

# Top-level module or package of quotedb -> its layer. The package root re-exports the API:
# nothing inside quotedb may import it.
LAYER_OF = {
    "core": "core",
    "db": "db",
    "read": "read",
    "store": "store",
    "ingest": "ingest",
    "export": "export",
    "api": "api",
    "cli": "cli",
    "web": "web",
    "errors": "errors",
    "": "root",
}
_BELOW_API = {"core", "db", "read", "store", "ingest", "export"}
# Layer -> the layers it may import (besides its own and quotedb.errors, which all may).
MAY_IMPORT = {
    "errors": set(),
    "core": set(),
    "db": {"core"},
    "read": {"core", "db"},
    "store": {"core", "db", "read"},
    "ingest": {"core", "db", "read", "store"},
    "export": {"core", "db", "read"},
    "api": _BELOW_API,
    "cli": {"api"},
    "web": {"api"},
    "root": {"core", "api"},
}
# What a command-line module may import from outside quotedb: the standard library and these.
CLI_THIRD_PARTY = {"typer", "rich"}
# The one edge between the siblings: the command that starts the web server.
CLI_TO_WEB = ("cli.serve", "web")


@dataclass(frozen=True, slots=True)
class Import:
    importer: str  # dotted module name
    imported: str  # dotted module name, or a third-party top-level name
    line: int


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve(root: Path, name: str) -> str:
    """``pkg.name`` when ``name`` is a module or package of the tree, else ``pkg``."""
    parts = name.split(".")
    relative = Path(root.parent, *parts)
    is_module = relative.with_suffix(".py").exists() or relative.is_dir()
    return name if is_module else ".".join(parts[:-1])


def imports_of(root: Path, path: Path) -> list[Import]:
    """Every import in a module, wherever it stands (module level, function, TYPE_CHECKING)."""
    me = module_name(root, path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(me, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                ours = base.split(".")[0] == root.name
                target = resolve(root, f"{base}.{alias.name}") if ours else base
                found.append(Import(me, target, node.lineno))
    return found


def layer(root: Path, module: str) -> str:
    """The layer of a quotedb module; KeyError for a top-level name the table lacks."""
    parts = module.split(".")
    return LAYER_OF[parts[1] if len(parts) > 1 else ""]


def all_imports(root: Path) -> list[Import]:
    return [i for path in sorted(root.rglob("*.py")) for i in imports_of(root, path)]


def violations(root: Path) -> list[Import]:
    """Imports of quotedb modules that run against the direction of the layers."""
    bad = []
    for i in all_imports(root):
        if i.imported.split(".")[0] != root.name:
            continue
        mine, theirs = layer(root, i.importer), layer(root, i.imported)
        if serves(root, i):
            continue
        if theirs not in {mine, "errors", *MAY_IMPORT[mine]} or (
            theirs == "root" and i.importer != root.name
        ):
            bad.append(i)
    return bad


def serves(root: Path, i: Import) -> bool:
    """Is this the one allowed edge from the CLI to the web server (``quotedb.web`` itself)?"""
    importer, imported = CLI_TO_WEB
    return i.importer == f"{root.name}.{importer}" and i.imported == f"{root.name}.{imported}"


def outside_cli(root: Path) -> list[Import]:
    """Imports of a command-line module other than quotedb.api, quotedb.errors, quotedb.cli.*,
    typer, rich and the standard library."""
    allowed = {f"{root.name}.api", f"{root.name}.errors"}
    bad = []
    for i in all_imports(root):
        if layer(root, i.importer) != "cli":
            continue
        top = i.imported.split(".")[0]
        if top == root.name:
            ok = i.imported in allowed or layer(root, i.imported) == "cli" or serves(root, i)
        else:
            ok = top in CLI_THIRD_PARTY or top in sys.stdlib_module_names or top == "__future__"
        if not ok:
            bad.append(i)
    return bad


def pairs(found: list[Import]) -> set[tuple[str, str]]:
    return {(i.importer, i.imported) for i in found}


def describe(found: list[Import]) -> list[str]:
    return [f"{i.importer}:{i.line} imports {i.imported}" for i in found]


def test_every_module_has_a_layer() -> None:
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in PACKAGE.rglob("*.py")}
    assert tops - {"__init__"} <= set(LAYER_OF), "add the new package to LAYER_OF"


def test_imports_follow_the_layers() -> None:
    found = violations(PACKAGE)
    assert not found, describe(found)


def test_cli_imports_only_the_api() -> None:
    assert not outside_cli(PACKAGE), describe(outside_cli(PACKAGE))


# ---------------------------------------------------------------- the checker itself


def plant(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "quotedb" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "quotedb"


CLEAN = {
    "__init__.py": "from quotedb.core import extract\n",
    "errors.py": "",
    "core/__init__.py": "from .types import Quotation\n",
    "core/types.py": "import dataclasses\n",
    "db/__init__.py": "",
    "db/models.py": "from quotedb.core.types import Quotation\nfrom quotedb import errors\n",
    "read/__init__.py": "",
    "read/who.py": "from ..db import models\nfrom quotedb.db.models import Quotation\n",
    "store/__init__.py": "",
    "store/write.py": "from quotedb.read import who\n",
    "export/__init__.py": "",
    "export/rows.py": "from quotedb.read.who import x\n",
    "api.py": "def f():\n    from quotedb.export import rows\n    from quotedb import store\n",
    "cli/__init__.py": "",
    "cli/app.py": "import json\nimport typer\nfrom quotedb import api\nfrom quotedb.cli import x\n",
    "cli/serve.py": "def f():\n    from quotedb import web\n",
    "web/__init__.py": "from quotedb.web import app\n",
    "web/app.py": "import fastapi\nfrom quotedb.api import Database\nfrom quotedb import errors\n",
}


def test_a_clean_tree_passes(tmp_path: Path) -> None:
    root = plant(tmp_path, CLEAN)
    assert violations(root) == [] and outside_cli(root) == []


PLANTED = [
    ("core-to-db", "core/bad.py", "from quotedb.db import models\n", "quotedb.db.models"),
    ("lazy", "db/bad.py", "def f():\n    import quotedb.read.who\n", "quotedb.read.who"),
    ("relative", "db/bad.py", "from .. import api\n", "quotedb.api"),
    (
        "read-to-export",
        "read/bad.py",
        "from quotedb.export.rows import r\n",
        "quotedb.export.rows",
    ),
    (
        "export-to-store",
        "export/bad.py",
        "from quotedb.store import write\n",
        "quotedb.store.write",
    ),
    ("package-root", "store/bad.py", "import quotedb\n", "quotedb"),
    ("cli-past-api", "cli/bad.py", "from quotedb.store.write import w\n", "quotedb.store.write"),
    ("web-past-api", "web/bad.py", "from quotedb.read.who import x\n", "quotedb.read.who"),
    ("web-to-cli", "web/bad.py", "from quotedb.cli import app\n", "quotedb.cli.app"),
    ("cli-to-web-app", "cli/bad.py", "from quotedb.web import app\n", "quotedb.web.app"),
    ("serve-to-web-app", "cli/serve.py", "from quotedb.web.app import x\n", "quotedb.web.app"),
    (
        "type-checking",
        "db/bad.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from quotedb.api import X\n",
        "quotedb.api",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "wanted"), [pytest.param(*case[1:], id=case[0]) for case in PLANTED]
)
def test_a_planted_violation_is_found(tmp_path: Path, name: str, text: str, wanted: str) -> None:
    root = plant(tmp_path, {**CLEAN, name: text})
    assert pairs(violations(root)) == {(module_name(root, root / name), wanted)}


def test_a_cli_module_importing_a_library_is_found(tmp_path: Path) -> None:
    root = plant(tmp_path, {**CLEAN, "cli/bad.py": "import sqlalchemy\nimport click\n"})
    wanted = {("quotedb.cli.bad", "sqlalchemy"), ("quotedb.cli.bad", "click")}
    assert pairs(outside_cli(root)) == wanted


def test_only_serve_may_import_the_web_server(tmp_path: Path) -> None:
    root = plant(tmp_path, {**CLEAN, "cli/other.py": "from quotedb import web\n"})
    assert pairs(outside_cli(root)) == {("quotedb.cli.other", "quotedb.web")}
    assert pairs(violations(root)) == {("quotedb.cli.other", "quotedb.web")}


def test_the_real_serve_command_imports_the_web_server() -> None:
    found = [i for i in all_imports(PACKAGE) if serves(PACKAGE, i)]
    assert [i.importer for i in found] == ["quotedb.cli.serve"]


def test_an_unknown_package_has_no_layer(tmp_path: Path) -> None:
    root = plant(tmp_path, {**CLEAN, "gui/app.py": "from quotedb import api\n"})
    with pytest.raises(KeyError):
        violations(root)
