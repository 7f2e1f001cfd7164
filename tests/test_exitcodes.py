"""Exit statuses have one home, crawler/exitcodes.py: no other module of the package defines
an EXIT_* status of its own (where two did, an unusable store meant 1 to `crawl` and 2 to
`articles`)."""

from __future__ import annotations

import ast
from pathlib import Path

import crawler
from crawler import exitcodes

PACKAGE = Path(crawler.__file__).parent
HOME = Path(exitcodes.__file__)


def exit_constants(path: Path) -> list[str]:
    """The EXIT_* names a module assigns an int to (at any level)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if isinstance(value, ast.Constant) and isinstance(value.value, int):
            found += [
                target.id
                for target in targets
                if isinstance(target, ast.Name) and target.id.startswith("EXIT_")
            ]
    return found


def test_only_exitcodes_defines_exit_statuses():
    elsewhere = {
        str(path.relative_to(PACKAGE.parent)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != HOME and (names := exit_constants(path))
    }
    assert elsewhere == {}
    assert "EXIT_SPOOLED" in exit_constants(HOME)


def test_every_status_is_documented_with_its_meaning():
    documented = exitcodes.__doc__ or ""
    for name in exit_constants(HOME):
        assert f"{getattr(exitcodes, name)} " in documented and name in documented, name
