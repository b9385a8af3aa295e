#!/usr/bin/env python3
"""Validate calltask YAML specs against the JSON Schemas in schemas/.

Usage:
    scripts/check-schema.py                  # every examples/**/*.yaml (and examples/**/calltask.yaml
                                             # against the settings schema, when that schema exists)
    scripts/check-schema.py --spec FILE...   # only the given task spec files

Checks the schemas themselves first (Draft 2020-12 meta-schema), then every YAML document of every file
(a file may hold several documents separated by `---`; empty documents are skipped). Prints one line per
problem with file, document number and the JSON path of the offending value, then `N passed, M failed`.
Exit status: 0 when everything passed, 1 when a document failed, 2 on a usage or schema problem.

YAML is read with YAML 1.2 core-schema rules, as calltask itself reads it: only true/false are booleans
(`yes`, `no`, `on`, `off` stay text), `09:00` is text and not a sexagesimal number, `2026-03-01 09:00:00`
is text and not a timestamp, `012` is the decimal 12. Merge keys (`<<: *anchor`) are expanded.

Needs `jsonschema` (4.x) and PyYAML: `pip install jsonschema pyyaml`.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path

try:
    import yaml
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"check-schema: missing Python module: {error.name} (pip install jsonschema pyyaml)", file=sys.stderr)
    sys.exit(2)

ROOT = Path(__file__).resolve().parent.parent
TASK_SCHEMA = ROOT / "schemas" / "calltask-task.schema.json"
SETTINGS_SCHEMA = ROOT / "schemas" / "calltask-settings.schema.json"
EXAMPLES = ROOT / "examples"
SETTINGS_FILE_NAME = "calltask.yaml"


# MARK: - YAML 1.2 core schema loader

class CoreSchemaLoader(yaml.SafeLoader):
    """A SafeLoader that resolves plain scalars by the YAML 1.2 core schema (like calltask's loader)."""


# Start from SafeLoader's resolvers without YAML 1.1's bool, int, float and timestamp rules.
CoreSchemaLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
                           "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

CORE_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
CORE_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
CORE_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")

CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:bool", CORE_BOOL, list("tTfF"))
CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:int", CORE_INT, list("-+0123456789"))
CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:float", CORE_FLOAT, list("-+.0123456789"))


def _construct_core_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


def _construct_core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0x"):
        return int(text[2:], 16)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 10)


def _construct_core_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return -math.inf if text.startswith("-") else math.inf
    if text.endswith(".nan"):
        return math.nan
    return float(text)


def _construct_mapping(loader, node):
    """A mapping with text keys; a key written twice is an error (a merged `<<` key may be overridden)."""
    explicit_ids = {id(key_node) for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge"}
    loader.flatten_mapping(node)  # expands `<<` merge keys into node.value, merged pairs first
    mapping = {}
    seen = set()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value  # `1: x` or `true: x`: keep the key as written
            else:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found a complex key", key_node.start_mark)
        if id(key_node) in explicit_ids:
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, f"found the key '{key}' twice", key_node.start_mark)
            seen.add(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


CoreSchemaLoader.add_constructor("tag:yaml.org,2002:bool", _construct_core_bool)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", _construct_core_int)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:float", _construct_core_float)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


# MARK: - Checking

def relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_schema(path: Path) -> Draft202012Validator:
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        print(f"{relative(path)}: error: cannot read the schema: {error}", file=sys.stderr)
        sys.exit(2)
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        location = "/".join(str(part) for part in error.absolute_path) or "(root)"
        print(f"{relative(path)}: error: not a valid Draft 2020-12 schema at {location}: {error.message}", file=sys.stderr)
        sys.exit(2)
    return Draft202012Validator(schema)


def json_path(parts) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n"}


def describe(error) -> str:
    """A readable message for one validation error."""
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        schema = error.schema
        known = set(schema.get("properties", {}))
        patterns = [re.compile(pattern) for pattern in schema.get("patternProperties", {})]
        unknown = [key for key in error.instance
                   if key not in known and not any(pattern.search(key) for pattern in patterns)]
        if unknown:
            names = ", ".join(f"'{key}'" for key in unknown)
            return f"unknown key{'s' if len(unknown) > 1 else ''} {names}; known keys: {', '.join(sorted(known))}"
    message = error.message
    if error.validator in ("anyOf", "oneOf") and error.context:
        reasons = sorted({sub.message for sub in error.context})
        message += " (" + "; ".join(reasons) + ")"
    if error.validator == "oneOf" and not error.context:
        message += " (write only one of them)"
    if isinstance(error.instance, str) and error.instance.lower() in YAML11_BOOLS:
        message += f" (YAML 1.2 reads '{error.instance}' as text; write true or false)"
    return message


def check_file(path: Path, validator: Draft202012Validator) -> tuple[int, int]:
    """Validates every document of one file; returns (passed, failed) and prints each problem."""
    name = relative(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"{name}: error: cannot read: {error}")
        return 0, 1
    try:
        documents = list(yaml.load_all(text, Loader=CoreSchemaLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        problem = getattr(error, "problem", None) or str(error)
        print(f"{where}: error: invalid YAML: {problem}")
        return 0, 1
    passed = failed = 0
    numbered = [(index, document) for index, document in enumerate(documents, start=1) if document is not None]
    if not numbered:
        print(f"{name}: error: no YAML document in the file")
        return 0, 1
    for index, document in numbered:
        label = name if len(documents) == 1 else f"{name} (document {index})"
        errors = sorted(validator.iter_errors(document), key=lambda error: list(map(str, error.absolute_path)))
        if errors:
            failed += 1
            for error in errors:
                print(f"{label}: error: {json_path(error.absolute_path)}: {describe(error)}")
        else:
            passed += 1
    return passed, failed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Validate calltask YAML specs against schemas/*.schema.json.")
    parser.add_argument("--spec", nargs="+", metavar="FILE", type=Path,
                        help="check only these task spec files (default: every examples/**/*.yaml)")
    args = parser.parse_args(argv)

    task_validator = load_schema(TASK_SCHEMA)
    settings_validator = load_schema(SETTINGS_SCHEMA) if SETTINGS_SCHEMA.exists() else None

    jobs: list[tuple[Path, Draft202012Validator]] = []
    if args.spec:
        for path in args.spec:
            if not path.is_file():
                print(f"check-schema: error: no such file: {path}", file=sys.stderr)
                return 2
            jobs.append((path, task_validator))
    else:
        for path in sorted(EXAMPLES.rglob("*.yaml")):
            if path.name == SETTINGS_FILE_NAME:
                if settings_validator is not None:
                    jobs.append((path, settings_validator))
                continue  # a settings file is not a task spec
            jobs.append((path, task_validator))
        if not jobs:
            print(f"check-schema: error: no YAML files under {relative(EXAMPLES)}", file=sys.stderr)
            return 2

    passed = failed = 0
    for path, validator in jobs:
        file_passed, file_failed = check_file(path, validator)
        passed += file_passed
        failed += file_failed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
