"""The package promise: standard library only, the server never loaded, vendorable."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import longmem

ROOT = Path(__file__).resolve().parent.parent
# The package under test: the source tree, or the installed copy when CI runs the suite
# from a folder that holds only the tests.
PACKAGE = Path(longmem.__file__).resolve().parent

_PROBE = r"""
import json, os, sys, sysconfig
before = set(sys.modules)
import longmem
paths = sysconfig.get_paths()
roots = {os.path.realpath(paths[name]) for name in ("stdlib", "platstdlib")}
package = os.path.realpath(os.path.dirname(longmem.__file__))
outside = []
for name in sorted(set(sys.modules) - before):
    path = getattr(sys.modules[name], "__file__", None)
    if path is None:
        continue  # built into the interpreter
    real = os.path.realpath(path)
    if real.startswith(package + os.sep):
        continue
    if not any(real.startswith(root + os.sep) for root in roots) or "site-packages" in real:
        outside.append(name)
print(json.dumps({
    "outside": outside,
    "server_loaded": any(m.split(".")[:2] == ["longmem", "server"] for m in sys.modules),
    "loaded": sorted(set(sys.modules) - before),
    "file": longmem.__file__,
}))
"""


def _probe() -> dict[str, object]:
    """Import longmem in a fresh interpreter and report what that loaded."""
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_import_loads_only_the_standard_library() -> None:
    result = _probe()
    assert result["outside"] == []


def test_import_never_loads_the_local_server() -> None:
    assert _probe()["server_loaded"] is False


def test_import_skips_costly_modules_the_client_does_not_need_up_front() -> None:
    loaded = set(_probe()["loaded"])  # type: ignore[arg-type]
    # Each adds 1-7 ms to a cold start that json + http.client alone do not pay.
    # asyncio (~10 ms) comes with AsyncLongmem, on its first use only.
    costly = {"logging", "urllib.request", "dataclasses", "uuid", "gzip", "typing", "threading"}
    costly |= {"asyncio"}
    assert not loaded & costly


def _runtime_imports(tree: ast.AST) -> set[str]:
    """Modules a module imports when it runs: everything outside `if TYPE_CHECKING:`."""
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        stack.extend(ast.iter_child_nodes(node))
    return found


# types.py defines the TypedDicts (classes: it needs typing) and is imported by nobody at
# run time; _typing.py is the one place the others take TYPE_CHECKING and cast from.
_TYPING_ALLOWED = {"types.py", "_typing.py"}


@pytest.mark.parametrize(
    "module",
    sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in _TYPING_ALLOWED),
)
def test_modules_keep_typing_out_of_run_time_the_one_documented_way(module: str) -> None:
    tree = ast.parse((PACKAGE / module).read_text("utf-8"))
    assert "typing" not in _runtime_imports(tree)
    defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)} | {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    # Their own copies would be a second way; longmem._typing is the one.
    assert not defined & {"TYPE_CHECKING", "cast", "overload"}


def test_copied_package_folder_works_without_installation(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "longmem", ignore=shutil.ignore_patterns("__pycache__"))
    script = (
        "import longmem, sys; "
        "c = longmem.Longmem(api_key='k', base_url='http://127.0.0.1:9'); "
        "print(longmem.__file__)"
    )
    # -I: no environment, no user site, no installed longmem from the current directory;
    # the copied folder goes on sys.path the way a vendoring project would put it.
    out = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(tmp_path)!r}); {script}",
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().startswith(str(tmp_path))


def test_version_is_single_sourced() -> None:
    from longmem._version import __version__

    assert longmem.__version__ == __version__
    assert 'attr = "longmem._version.__version__"' in (ROOT / "pyproject.toml").read_text()


@pytest.mark.parametrize("name", ["py.typed"])
def test_typing_marker_ships(name: str) -> None:
    assert (PACKAGE / name).exists()


def _longmem_imports(path: Path) -> set[str]:
    """The longmem modules a file imports, as dotted names below `longmem`."""
    package = path.relative_to(PACKAGE.parent).parent.parts  # where `from .` points
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            found.update(n for n in names if n.startswith("longmem"))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("longmem"))
    return found


def test_the_client_never_imports_the_server_nor_the_server_the_client() -> None:
    shared = {"longmem._protocol", "longmem._version"}
    for path in PACKAGE.rglob("*.py"):
        imported = _longmem_imports(path)
        if "server" in path.relative_to(PACKAGE).parts:
            outside = {m for m in imported if not m.startswith("longmem.server")}
            assert outside <= shared, path
        elif path.name not in ("cli.py", "demo.py", "mcp.py"):  # entry points start the server
            assert not {m for m in imported if m.startswith("longmem.server")}, path


def _bound_at_top(tree: ast.Module) -> list[str]:
    """The names a module's own top-level statements bind, once per binding: defs, classes,
    imports and plain assignments (not an item or attribute set on a name bound before)."""
    bound: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.append(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound += [(a.asname or a.name).split(".")[0] for a in node.names]
        else:
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign) and node.value is not None
                else []
            )
            bound += [name for target in targets for name in _names_set(target)]
    return bound


def _names_set(target: ast.expr) -> list[str]:
    """The names an assignment's target binds: itself, or those of a tuple or list."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for item in target.elts for name in _names_set(item)]
    if isinstance(target, ast.Starred):
        return _names_set(target.value)
    return []  # an item or an attribute: set on what is bound already


def test_a_module_binds_each_top_level_name_once() -> None:
    # A second binding replaces the first for every use in the module, before and after:
    # a rule's pattern renamed onto another's name silently changed what both read.
    twice: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        names = _bound_at_top(ast.parse(path.read_text("utf-8")))
        again = sorted({n for n in names if names.count(n) > 1})
        if again:
            twice[str(path.relative_to(PACKAGE))] = again
    assert twice == {}
    # (the check sees a name bound twice)
    assert _bound_at_top(ast.parse("import re\nX = re.compile('a')\nX = 1\n")).count("X") == 2
