"""The structure says what it does: no module of ``articles/`` imports another in a circle, not even
from inside a function, and neither the app nor the tests lean on Django's private transaction
internals. Pure: reads the source with ``ast``, imports nothing of the app."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "articles"
TESTS = Path(__file__).resolve().parent
PRIVATE = {"run_on_commit", "Atomic", "atomic_blocks", "_from_testcase"}  # Django's transaction internals


def modules() -> dict[str, Path]:
    """Every module of the app by its dotted name (a package by its own name)."""
    found = {}
    for path in APP.rglob("*.py"):
        parts = list(path.relative_to(APP.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def imports_of(name: str, path: Path, known: dict) -> set[str]:
    """The app's modules ``name`` imports anywhere in its source (functions included), with the packages
    Python runs on the way (importing ``a.b.c`` runs ``a.b`` first), less its own packages."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names)
    graph = set()
    for target in targets:
        if target in known:
            graph.update([target, *_ancestors(target)])
    return {target for target in graph if target in known} - {name, *_ancestors(name)}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` as the modules along it (first one repeated at the end), or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for neighbour in sorted(graph.get(node, ())):
            if state.get(neighbour) == "open":
                return [*stack[stack.index(neighbour):], neighbour]
            if neighbour not in state and (cycle := visit(neighbour)):
                return cycle
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_find_cycle_names_the_modules_around_it():
    """The cycle finder names every module of a cycle, and finds none in a tree."""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_imports_inside_functions_and_packages_count():
    """An import inside a function counts, and so does the package Python runs to reach a submodule."""
    known = modules()
    # notifications once imported workflow.moves inside a function: that runs workflow/__init__.py too.
    source = APP / "workflow" / "transitions.py"
    assert "articles.workflow" not in imports_of("articles.workflow.transitions", source, known)
    assert {"articles.models", "articles.notifications"} <= imports_of("articles.workflow.transitions", source, known)


def test_the_app_has_no_import_cycle():
    """No module of articles/ imports itself through others, at the top or inside a function."""
    known = modules()
    graph = {name: imports_of(name, path, known) for name, path in known.items()}
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_nothing_leans_on_djangos_private_transaction_internals():
    """No module of the app or the tests names Atomic, run_on_commit and the like: on-commit callbacks are
    run in tests by Django's supported capture (django_capture_on_commit_callbacks)."""
    leaning = []
    for path in [*APP.rglob("*.py"), *TESTS.glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
            if name in PRIVATE:
                leaning.append(f"{path.relative_to(APP.parent)}:{node.lineno} {name}")
    assert not leaning, leaning
