#!/usr/bin/env python3
"""Differential test: `calltask validate`, the JSON Schema and `calltask-sim` judge the same specs alike.

Generates task specs from examples/ by mutation (each field set to values at, inside and outside its
documented range, wrong types, quoted forms, null, missing required keys, emptied and removed lists,
keys at the wrong level, cross-field combinations), with a fixed seed, and runs each one as a user's
tools would:

  - `calltask validate --format json DIR`, once over the whole generated directory (a spec is refused
    when a diagnostic of severity `error` names its file);
  - the JSON Schema (schemas/calltask-task.schema.json) through `jsonschema`, reading YAML as
    scripts/check-schema.py does (YAML 1.2 core schema);
  - a running `calltask-sim --strict-put`, over HTTP: the spec laid over one fixed, complete update body
    (BASE_BODY), names mapped to codes from the docs' tables, PUT with a plain HTTP client (refused: an
    error envelope, HTTP 422).

The three must agree. A disagreement is allowed only when an entry of EXPECTED explains it (docs/rules.md,
"Expected disagreements", lists the same entries); any other fails the run, printing the spec, the body
and what each tool said. A case combining two mutations is also explained when its verdicts are those of
its parts combined (a tool refuses the pair when it refuses either part).

Usage:
    scripts/differential.py [--count N] [--seed S] [--bin DIR] [--keep DIR] [--verbose] [--summary]

--count defaults to $CALLTASK_DIFF_COUNT or 4000 (every systematic single mutation first, about 1,700,
whatever the count; then random ones and pairs up to the count); --seed to $CALLTASK_DIFF_SEED or 20260301. --bin is the directory holding the built
`calltask` and `calltask-sim` (default: `swift build --show-bin-path`; build them first, e.g. with
scripts/differential.sh). Exit status: 0 when every disagreement is expected, 1 otherwise, 2 on a setup
problem (missing binary, simulator not starting, an answer that is neither success nor refusal).
"""

from __future__ import annotations

import argparse
import copy
import http.client
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
RULES_DOC = ROOT / "docs" / "rules.md"
USER_ID = "5832d184-dd53-42a0-8ace-0bf8d660f4cc"
TOKEN = "sim-token"
# The simulator's built-in insurance-renewal-2026: a paused new 2.0 task (no 6007 on update).
TARGET_TASK = "7f3c2a10-5b1e-4c8a-9d2e-1a2b3c4d5e02"


def load_check_schema():
    """scripts/check-schema.py as a module: its YAML 1.2 loader and schema loading."""
    spec = importlib.util.spec_from_file_location("check_schema", ROOT / "scripts" / "check-schema.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_schema = load_check_schema()


# MARK: - Writing YAML with control over every scalar's form

class Plain(str):
    """Text written unquoted, as a user would type it (`yes`, `9:00`): YAML 1.2 decides what it is."""


class Quoted(str):
    """Text written in double quotes (`"2"`): always text. Plain `str` values are quoted the same way;
    this marks a quoted form of a number or boolean, for the reports."""


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, Plain):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(f"not a scalar: {value!r}")


def key_text(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_\-]*", key) else json.dumps(key, ensure_ascii=False)


def emit(value: Any, indent: int = 0) -> list[str]:
    """Block-style YAML lines for a mapping or list (scalars and empty collections inline)."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict) and item:
                lines.append(f"{pad}{key_text(key)}:")
                lines += emit(item, indent + 2)
            elif isinstance(item, list) and item:
                lines.append(f"{pad}{key_text(key)}:")
                lines += emit(item, indent + 2)
            else:
                lines.append(f"{pad}{key_text(key)}: {inline(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)) and item:
                nested = emit(item, indent + 2)
                lines.append(f"{pad}- {nested[0].lstrip()}")
                lines += nested[1:]
            else:
                lines.append(f"{pad}- {inline(item)}")
    else:
        lines.append(pad + scalar(value))
    return lines


def inline(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_text(k)}: {inline(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    return scalar(value)


def to_yaml(spec: dict) -> str:
    return "\n".join(emit(spec)) + "\n"


# MARK: - The docs' tables (seed 000, seed 001; docs/fields.md for the spec names)

CODE_NAMES = {
    "task_type": {"v2": 6, "new_v2": 7},
    "is_group_switch": {"unified": 0, "by_time": 1, "by_variable": 2, "multi": 3},
    "end_action": {"none": 0, "pause_release": 1, "pause_lock": 2},
    "pop_mode": {"random": 0, "sequential": 1, "reverse": 2},
    "mode": {"contains": 0, "equals": 1},
    "dial_mode": {"round_robin": 0, "random": 1},
    "da_status": {
        "carrier_blocked": 2, "rejected": 3, "no_answer": 4, "vacant_number": 5, "powered_off": 6,
        "suspended": 7, "busy": 8, "incoming_barred": 9, "arrears": 10, "blacklisted": 11, "user_blocked": 12,
    },
}

# A complete update body for a live new 2.0 task: what calltask's apply starts from (the task's detail).
# Neutral for cross-field rules: one line (any maximumcall divides), no elastic seats, end_action none,
# one script group (is_group_switch 0) and no script lists, a pop_mode.
BASE_BODY = {
    "name": "differential-base",
    "remark": "",
    "task_type": 7,
    "group_type": "robot",
    "destination_extension": 10,
    "is_group_switch": 0,
    "maximumcall": 12,
    "dial_time_id": 5,
    "elasticity_type": False,
    "end_action": 0,
    "llm_intention_id": 4,
    "task_extras": {
        "start_time": "2026-01-05 08:30:00",
        "stop_time": "2026-12-20 20:00:00",
        "line": [{"id": "d47c3599-f166-4cd0-999c-f60e46814d26", "limit": 12}],
        "holiday": [],
        "work_week": [1, 2, 3, 4, 5],
        "work_hour": [],
        "pop_mode": 0,
        "redial_enabled": 0,
        "redial_new_number_policy": 0,
        "redial_interval": 10,
        "redial_max_times": 1,
    },
}

ID_PATHS = [
    ("destination_extension",), ("dial_time_id",), ("background_id",), ("bridge_group_id",),
    ("auto_recycle_rule_id",), ("llm_intention_id",), ("score_scheme_id",),
    ("group_switch_rule", "*", "group_id"), ("group_switch_rule", "*", "default_group_id"),
    ("new_call_rules", "*", "rule_id"),
    ("task_extras", "destination_extension_list", "*", "destination_extension"),
    ("task_extras", "destination_extension_with_variable_list", "*", "destination_extension"),
    ("task_extras", "destination_extension_multi_config", "list", "*", "destination_extension"),
]


def map_values(value: Any, path: tuple) -> Any:
    """The body form of a spec value at `path`: coded names to codes, ids written as digits to ints
    (fields.md A2), redial flags to 0/1 (A5), a line `{id}` without a limit to its id (as `TaskLine`
    encodes it). Anything else (wrong names, quoted numbers) is sent as written, for the platform to
    judge."""
    if isinstance(value, dict):
        if path[-2:] == ("line", "*") and set(value) == {"id"} and isinstance(value["id"], str):
            return value["id"]  # a line without a limit is sent as its id, as calltask writes it
        return {k: map_values(v, path + (k,)) for k, v in value.items()}
    if isinstance(value, list):
        return [map_values(v, path + ("*",)) for v in value]
    last = path[-1] if path else ""
    if last == "*" and len(path) >= 2 and path[-2] == "da_status":
        last = "da_status"
    names = CODE_NAMES.get(last)
    if names and isinstance(value, str) and value in names and not isinstance(value, Quoted):
        return names[value]
    if any(matches(path, pattern) for pattern in ID_PATHS) and isinstance(value, str) and re.fullmatch(r"[0-9]+", value):
        return int(value)
    if last in ("redial_enabled", "redial_new_number_policy") and isinstance(value, bool):
        return 1 if value else 0
    if last == "elasticity_type" and value in (0, 1) and not isinstance(value, bool):
        return bool(value)
    return value


def matches(path: tuple, pattern: tuple) -> bool:
    return len(path) == len(pattern) and all(p == q or q == "*" for p, q in zip(path, pattern))


def build_body(spec: Any) -> Any:
    """The update body for a spec: BASE_BODY with the spec's keys laid over it (task_extras key by key),
    without the keys that are not part of the body (`uuid`, `enable`, `x-…`); a null is sent as null. A
    spec that is not a mapping is sent as it is."""
    if not isinstance(spec, dict):
        return spec
    body = copy.deepcopy(BASE_BODY)
    for key, value in spec.items():
        if key in ("uuid", "enable") or key.startswith("x-"):
            continue
        if key == "task_extras" and isinstance(value, dict):
            for extra_key, extra in value.items():
                body["task_extras"][extra_key] = map_values(extra, ("task_extras", extra_key))
        else:
            body[key] = map_values(value, (key,))
    return body


# MARK: - Mutations

REMOVE = object()


@dataclass
class Mutation:
    """One change to an example: set `path` to `value` (REMOVE deletes it), or a custom operation."""
    label: str
    path: tuple = ()
    value: Any = None
    apply_fn: Callable[[dict], bool] | None = None

    def apply(self, spec: dict) -> bool:
        """Applies the change; False when it does not apply to this example."""
        if self.apply_fn is not None:
            return self.apply_fn(spec)
        return set_path(spec, self.path, self.value)


def set_path(spec: dict, path: tuple, value: Any) -> bool:
    node: Any = spec
    for index, step in enumerate(path[:-1]):
        nxt = path[index + 1]
        if isinstance(step, int):
            if not isinstance(node, list) or step >= len(node):
                return False
            node = node[step]
            continue
        if not isinstance(node, dict):
            return False
        if step not in node or node[step] is None:
            if isinstance(nxt, int):
                return False
            node[step] = {}
        node = node[step]
    last = path[-1]
    if isinstance(last, int):
        if not isinstance(node, list) or last >= len(node):
            return False
        if value is REMOVE:
            del node[last]
        else:
            node[last] = value
        return True
    if not isinstance(node, dict):
        return False
    if value is REMOVE:
        if last not in node:
            return False
        del node[last]
    else:
        node[last] = value
    return True


def get_path(spec: Any, path: tuple) -> Any:
    node = spec
    for step in path:
        if isinstance(step, int):
            if not isinstance(node, list) or step >= len(node):
                return None
        elif not isinstance(node, dict) or step not in node:
            return None
        node = node[step]
    return node


def int_values(low: int, high: int | None) -> list[tuple[str, Any]]:
    values = [("minimum", low), ("below minimum", low - 1), ("negative", -3), ("above minimum", low + 1)]
    if high is not None:
        values += [("maximum", high), ("above maximum", high + 1), ("far above maximum", high * 10)]
    else:
        values += [("large", 1_000_000)]
    values += [("quoted minimum", Quoted(str(max(low, 1)))), ("fraction", 1.5), ("boolean", True),
               ("text", "abc"), ("null", None), ("list", []), ("mapping", {})]
    return values


def id_values() -> list[tuple[str, Any]]:
    return [("zero", 0), ("id", 12345), ("negative", -1), ("negative 5", -5), ("digits as text", "123"),
            ("letters", "abc"), ("empty text", ""), ("fraction", 1.5), ("boolean", True), ("null", None),
            ("list", [])]


def code_values(field_key: str, codes: list[int]) -> list[tuple[str, Any]]:
    names = [name for name, code in CODE_NAMES[field_key].items() if code in codes]
    values: list[tuple[str, Any]] = [(f"code {c}", c) for c in codes] + [(f"name {n}", n) for n in names]
    values += [("code above range", max(codes) + 1), ("code -1", -1), ("unknown name", "nope"),
               ("misspelt name", names[0][:-1]), ("quoted code", Quoted(str(codes[-1]))), ("boolean", True),
               ("fraction", 1.5), ("null", None), ("list", [])]
    return values


def flag_values() -> list[tuple[str, Any]]:
    return [("true", True), ("false", False), ("0", 0), ("1", 1), ("2", 2), ("-1", -1),
            ("quoted true", Quoted("true")), ("quoted false", Quoted("false")), ("quoted 1", Quoted("1")),
            ("plain yes", Plain("yes")), ("plain off", Plain("off")), ("text", "abc"), ("null", None)]


def text_values() -> list[tuple[str, Any]]:
    return [("text", "x 文字"), ("empty", ""), ("spaces", "   "), ("number", 123), ("boolean", True),
            ("fraction", 2.5), ("null", None), ("list", ["a"]), ("mapping", {"a": 1})]


def datetime_values() -> list[tuple[str, Any]]:
    return [("valid", "2026-03-01 09:00:00"), ("leap day", "2028-02-29 00:00:00"),
            ("not a leap day", "2026-02-29 00:00:00"), ("day 31 of a 30-day month", "2026-04-31 10:00:00"),
            ("month 13", "2026-13-01 00:00:00"), ("hour 24", "2026-03-01 24:00:00"),
            ("minute 60", "2026-03-01 09:60:00"), ("second 60", "2026-03-01 09:00:60"),
            ("without seconds", "2026-03-01 09:00"), ("slashes", "2026/3/1 9:00"), ("date only", "2026-03-01"),
            ("T separator", "2026-03-01T09:00:00"), ("empty", ""), ("number", 20260301), ("null", None)]


def dateminute_values() -> list[tuple[str, Any]]:
    return [("valid", "2026-05-01 00:00"), ("end of day", "2026-05-01 23:59"), ("with seconds", "2026-05-01 00:00:00"),
            ("not a leap day", "2026-02-29 00:00"), ("month 00", "2026-00-10 00:00"), ("hour 24", "2026-05-01 24:00"),
            ("date only", "2026-05-01"), ("empty", ""), ("number", 20260501), ("null", None)]


def clock_values() -> list[tuple[str, Any]]:
    return [("valid", "09:00"), ("one-digit hour", "9:00"), ("midnight", "00:00"), ("24:00", "24:00"),
            ("24:30", "24:30"), ("25:00", "25:00"), ("minute 60", "12:60"), ("no colon", "0900"),
            ("with seconds", "09:00:00"), ("with seconds 30", "09:00:30"), ("plain 9:00", Plain("9:00")),
            ("number", 900), ("empty", ""), ("null", None)]


def recall_values() -> list[tuple[str, Any]]:
    return [("10:00:00", "10:00:00"), ("10:30:00", "10:30:00"), ("11:00:00", "11:00:00"), ("11:00:01", "11:00:01"),
            ("11:30:00", "11:30:00"), ("12:00:00", "12:00:00"), ("12:59:59", "12:59:59"), ("13:00:00", "13:00:00"),
            ("17:45:10", "17:45:10"), ("22:00:00", "22:00:00"), ("22:00:01", "22:00:01"), ("09:59:59", "09:59:59"),
            ("08:00:00", "08:00:00"), ("23:59:00", "23:59:00"), ("00:00:00", "00:00:00"), ("without seconds", "10:00"),
            ("hour 25", "25:00:00"), ("one-digit hour", "9:00:00"), ("empty", ""), ("number", 100000), ("null", None)]


# Where each example keeps things (examples/*.yaml): used to aim element mutations.
SPRING, INSURANCE, LEGACY = "spring-sale-followup.yaml", "insurance-renewal.yaml", "legacy-collections.yaml"


def scalar_fields() -> list[tuple[tuple, list[tuple[str, Any]]]]:
    """Every scalar field (a path; `0` = the first element of a list the example has) with its values."""
    te = "task_extras"
    out: list[tuple[tuple, list[tuple[str, Any]]]] = [
        (("uuid",), [("empty", ""), ("number", 42), ("null", None), ("list", ["a"])]),
        (("enable",), [("true", True), ("false", False), ("0", 0), ("1", 1), ("quoted true", Quoted("true")),
                       ("plain yes", Plain("yes")), ("text", "abc"), ("null", None)]),
        (("name",), text_values()),
        (("remark",), text_values()),
        (("task_type",), code_values("task_type", [6, 7])),
        (("group_type",), [("group", "group"), ("robot", "robot"), ("foo", "foo"), ("Group", "Group"), ("empty", ""),
                           ("number", 1), ("null", None)]),
        (("destination_extension",), id_values()),
        (("is_group_switch",), code_values("is_group_switch", [0, 1, 2, 3])),
        (("maximumcall",), int_values(1, None) + [("3", 3), ("6", 6), ("7", 7)]),
        (("dial_time_id",), id_values()),
        (("background_id",), id_values()),
        (("bridge_group_id",), id_values()),
        (("auto_recycle_rule_id",), id_values()),
        (("llm_intention_id",), id_values()),
        (("score_scheme_id",), id_values()),
        (("elasticity_type",), flag_values()),
        (("end_action",), code_values("end_action", [0, 1, 2])),
        (("group_switch_rule", 0, "switch_start"), clock_values()),
        (("group_switch_rule", 0, "switch_end"), clock_values()),
        (("group_switch_rule", 0, "group_id"), id_values()),
        (("group_switch_rule", 0, "default_group_id"), id_values()),
        (("new_call_rules", 0, "re_call_time"), recall_values()),
        (("new_call_rules", 0, "call_interval"), int_values(1, None) + [("60", 60)]),
        (("new_call_rules", 0, "rule_id"), id_values()),
        ((te, "start_time"), datetime_values()),
        ((te, "stop_time"), datetime_values() + [("before start", "2025-01-01 00:00:00")]),
        ((te, "line", 0), [("id text", "29c39ec4-b292-4af9-a88b-922d61866ab1"), ("numeric id", 12345),
                           ("digits as text", "12345"), ("empty", ""), ("boolean", True), ("null", None),
                           ("object with limit", {"id": "29c39ec4-b292-4af9-a88b-922d61866ab1", "limit": 1}),
                           ("object without limit", {"id": "29c39ec4-b292-4af9-a88b-922d61866ab1"}),
                           ("object with numeric id", {"id": 12345, "limit": 2})]),
        ((te, "line", 0, "id"), [("numeric id", 12345), ("digits as text", "12345"), ("empty", ""), ("boolean", True),
                                 ("null", None), ("list", [])]),
        ((te, "line", 0, "limit"), int_values(1, None) + [("1", 1), ("3", 3)]),
        ((te, "holiday", 0, "start"), dateminute_values() + [("after end", "2026-12-31 00:00")]),
        ((te, "holiday", 0, "end"), dateminute_values()),
        ((te, "interval_time"), int_values(0, None)),
        ((te, "work_week", 0), [("0", 0), ("6", 6), ("7", 7), ("-1", -1), ("quoted 1", Quoted("1")), ("name", "mon"),
                                ("repeat", 2), ("null", None)]),
        ((te, "work_hour", 0, "wday"), [("0", 0), ("6", 6), ("7", 7), ("-1", -1), ("quoted 1", Quoted("1")),
                                       ("quoted -1", Quoted("-1")), ("text", "mon"), ("null", None)]),
        ((te, "work_hour", 0, "begin"), clock_values()),
        ((te, "work_hour", 0, "end"), clock_values()),
        ((te, "destination_extension_list", 0, "begin"), clock_values()),
        ((te, "destination_extension_list", 0, "end"), clock_values()),
        ((te, "destination_extension_list", 0, "destination_extension"), id_values()),
        ((te, "destination_extension_with_variable_list", 0, "mode"), code_values("mode", [0, 1])),
        ((te, "destination_extension_with_variable_list", 0, "values", 0), text_values()),
        ((te, "destination_extension_with_variable_list", 0, "destination_extension"), id_values()),
        ((te, "destination_extension_with_variable_list", 0, "sort"), int_values(-5, None)),
        ((te, "pop_mode"), code_values("pop_mode", [0, 1, 2])),
        ((te, "redial_enabled"), flag_values()),
        ((te, "redial_new_number_policy"), flag_values()),
        ((te, "redial_interval"), int_values(1, 60) + [("30", 30)]),
        ((te, "redial_max_times"), int_values(1, 3) + [("2", 2)]),
        ((te, "redial_conditions", "da_status", 0), [(f"code {c}", c) for c in range(1, 14)]
         + [("name", "busy"), ("unknown name", "hold on"), ("quoted code", Quoted("4")), ("null", None)]),
    ]
    return out


def structural_mutations() -> list[Mutation]:
    """Missing keys, emptied and removed lists, wrong shapes, unknown and misplaced keys, list limits."""
    te = "task_extras"
    out: list[Mutation] = []
    removable = [("uuid",), ("name",), ("task_type",), ("maximumcall",), ("is_group_switch",), ("group_switch_rule",),
                 ("new_call_rules",), (te,), (te, "start_time"), (te, "stop_time"), (te, "line"), (te, "holiday"),
                 (te, "pop_mode"), (te, "work_hour"), (te, "work_week"), (te, "destination_extension_list"),
                 (te, "destination_extension_with_variable_list"), (te, "redial_conditions"),
                 (te, "line", 0, "limit"), (te, "line", 0, "id"), (te, "holiday", 0, "start"), (te, "holiday", 0, "end"),
                 (te, "work_hour", 0, "wday"), (te, "work_hour", 0, "begin"),
                 (te, "destination_extension_list", 0, "destination_extension"),
                 (te, "destination_extension_with_variable_list", 0, "sort"),
                 (te, "destination_extension_with_variable_list", 0, "values"),
                 ("group_switch_rule", 0, "default_group_id"), ("new_call_rules", 0, "rule_id"),
                 (te, "redial_conditions", "da_status")]
    for path in removable:
        out.append(Mutation(f"remove {fmt(path)}", path, REMOVE))
    lists = [("group_switch_rule",), ("new_call_rules",), (te, "line"), (te, "holiday"), (te, "work_week"),
             (te, "work_hour"), (te, "destination_extension_list"), (te, "destination_extension_with_variable_list"),
             (te, "redial_conditions", "da_status"), (te, "destination_extension_with_variable_list", 0, "values")]
    for path in lists:
        out.append(Mutation(f"empty {fmt(path)}", path, []))
        out.append(Mutation(f"{fmt(path)} as a scalar", path, "x"))
        out.append(Mutation(f"{fmt(path)} as a mapping", path, {"a": 1}))
        out.append(Mutation(f"{fmt(path)} null", path, None))
        out.append(Mutation(f"{fmt(path)}: first item repeated", apply_fn=lambda s, p=path: repeat_first(s, p)))
    out += [
        Mutation("task_extras as a list", (te,), ["a"]),
        Mutation("task_extras as a scalar", (te,), "x"),
        Mutation("redial_conditions as a list of names", (te, "redial_conditions"), ["no_answer", "busy"]),
        Mutation("redial_conditions as a list of codes", (te, "redial_conditions"), [4, 8]),
        Mutation("redial_conditions with an unknown key", (te, "redial_conditions", "hangup_cause"), None),
        Mutation("da_status directly under task_extras", (te, "da_status"), [4, 8]),
        Mutation("misspelt top-level key", ("maximumcal",), 2),
        Mutation("misspelt task_extras key", (te, "redial_intervall"), 5),
        Mutation("pop_mode at the top level", ("pop_mode",), "random"),
        Mutation("redial_interval at the top level", ("redial_interval",), 10),
        Mutation("maximumcall under task_extras", (te, "maximumcall"), 2),
        Mutation("name under task_extras", (te, "name"), "x"),
        Mutation("an x- key at the top", ("x-note",), {"anything": [1, 2]}),
        Mutation("an x- key under task_extras", (te, "x-note"), 1),
        Mutation("an unknown key in a line", (te, "line", 0, "weight"), 1),
        Mutation("an unknown key in a holiday", (te, "holiday", 0, "note"), "x"),
        Mutation("an unknown key in a work_hour", (te, "work_hour", 0, "note"), "x"),
        Mutation("an unknown key in a variable rule", (te, "destination_extension_with_variable_list", 0, "note"), "x"),
        Mutation("holiday with both start and begin, equal", apply_fn=lambda s: holiday_both(s, same=True)),
        Mutation("holiday with both start and begin, different", apply_fn=lambda s: holiday_both(s, same=False)),
        Mutation("holiday with begin instead of start", apply_fn=holiday_begin),
        Mutation("100 variable rules", apply_fn=lambda s: variable_rules(s, 100)),
        Mutation("101 variable rules", apply_fn=lambda s: variable_rules(s, 101)),
        Mutation("10 values in a variable rule", apply_fn=lambda s: variable_values(s, 10)),
        Mutation("11 values in a variable rule", apply_fn=lambda s: variable_values(s, 11)),
        Mutation("a repeated value in a variable rule", apply_fn=lambda s: variable_values(s, 3, repeat=True)),
        Mutation("a multi-config", (te, "destination_extension_multi_config"),
                 {"dial_mode": "round_robin", "list": [{"destination_extension": "13601", "sort": 1}]}),
        Mutation("a multi-config with dial_mode 2", (te, "destination_extension_multi_config"),
                 {"dial_mode": 2, "list": [{"destination_extension": 13601, "sort": 1}]}),
        Mutation("a multi-config without sort", (te, "destination_extension_multi_config"),
                 {"dial_mode": 0, "list": [{"destination_extension": 13601}]}),
        Mutation("a multi-config with an empty list", (te, "destination_extension_multi_config"),
                 {"dial_mode": 1, "list": []}),
        Mutation("a multi-config without dial_mode", (te, "destination_extension_multi_config"),
                 {"list": [{"destination_extension": 13601, "sort": 1}]}),
        Mutation("multi with a multi-config", apply_fn=lambda s: multi(s, with_config=True)),
        Mutation("multi without a multi-config", apply_fn=lambda s: multi(s, with_config=False)),
        Mutation("end_action pause_release with elastic seats", apply_fn=lambda s: elastic(s, "pause_release", True)),
        Mutation("end_action pause_lock with elasticity_type 1", apply_fn=lambda s: elastic(s, 2, 1)),
        Mutation("end_action none with elastic seats", apply_fn=lambda s: elastic(s, "none", True)),
        Mutation("end_action pause_release without elastic seats", apply_fn=lambda s: elastic(s, 1, False)),
        Mutation("new_v2 with id lines", apply_fn=lambda s: flavour(s, "new_v2", objects=False)),
        Mutation("v2 with {id, limit} lines", apply_fn=lambda s: flavour(s, "v2", objects=True)),
        Mutation("v2 with id lines", apply_fn=lambda s: flavour(s, "v2", objects=False)),
        Mutation("new_v2 with {id, limit} lines", apply_fn=lambda s: flavour(s, "new_v2", objects=True)),
        Mutation("mixed line shapes", apply_fn=mixed_lines),
        Mutation("the same line twice with different limits", apply_fn=same_line_twice),
        Mutation("line limits not adding up to maximumcall", apply_fn=limits_off),
        Mutation("start after stop", apply_fn=lambda s: dates(s, "2026-12-31 21:00:00", "2026-03-01 09:00:00")),
        Mutation("start equal to stop", apply_fn=lambda s: dates(s, "2026-03-01 09:00:00", "2026-03-01 09:00:00")),
        Mutation("overlapping work hours", apply_fn=lambda s: windows(s, "work_hour", overlap=True)),
        Mutation("touching work hours", apply_fn=lambda s: windows(s, "work_hour", overlap=False)),
        Mutation("overlapping time slices", apply_fn=lambda s: windows(s, "destination_extension_list", overlap=True)),
        Mutation("overlapping switch rules", apply_fn=lambda s: windows(s, "group_switch_rule", overlap=True)),
        Mutation("a work hour ending before it begins", apply_fn=lambda s: reversed_window(s, "work_hour")),
        Mutation("a time slice ending before it begins", apply_fn=lambda s: reversed_window(s, "destination_extension_list")),
        Mutation("is_group_switch by_variable without the list", apply_fn=lambda s: switch_without(s, "by_variable")),
        Mutation("is_group_switch 2 without the list", apply_fn=lambda s: switch_without(s, 2)),
        Mutation("is_group_switch by_time without slices", apply_fn=lambda s: switch_without(s, "by_time")),
        Mutation("a bad work_hour item, then a bad second one", apply_fn=two_bad_work_hours),
        Mutation("da_status with two bad codes", (te, "redial_conditions"), {"da_status": ["no_answer", 4, 1, 13]}),
    ]
    return out


def fmt(path: tuple) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def repeat_first(spec: dict, path: tuple) -> bool:
    items = get_path(spec, path)
    if not isinstance(items, list) or not items:
        return False
    items.append(copy.deepcopy(items[0]))
    return True


def holiday_both(spec: dict, same: bool) -> bool:
    holidays = get_path(spec, ("task_extras", "holiday"))
    if not holidays:
        return False
    holidays[0]["begin"] = holidays[0]["start"] if same else "2026-01-01 00:00"
    return True


def holiday_begin(spec: dict) -> bool:
    holidays = get_path(spec, ("task_extras", "holiday"))
    if not holidays:
        return False
    holidays[0]["begin"] = holidays[0].pop("start")
    return True


def variable_rules(spec: dict, count: int) -> bool:
    spec["is_group_switch"] = "by_variable"
    spec.setdefault("task_extras", {})["destination_extension_with_variable_list"] = [
        {"mode": "equals", "values": [f"v{i}"], "destination_extension": 11, "sort": i} for i in range(count)]
    return True


def variable_values(spec: dict, count: int, repeat: bool = False) -> bool:
    values = [f"k{i}" for i in range(count)]
    if repeat:
        values[-1] = values[0]
    spec["is_group_switch"] = "by_variable"
    spec.setdefault("task_extras", {})["destination_extension_with_variable_list"] = [
        {"mode": "contains", "values": values, "destination_extension": 11, "sort": 1}]
    return True


def multi(spec: dict, with_config: bool) -> bool:
    spec["is_group_switch"] = "multi"
    extras = spec.setdefault("task_extras", {})
    if with_config:
        extras["destination_extension_multi_config"] = {
            "dial_mode": "random", "list": [{"destination_extension": 13601, "sort": 1}]}
    else:
        extras.pop("destination_extension_multi_config", None)
    return True


def elastic(spec: dict, action: Any, elasticity: Any) -> bool:
    spec["end_action"] = action
    spec["elasticity_type"] = elasticity
    return True


def flavour(spec: dict, task_type: str, objects: bool) -> bool:
    spec["task_type"] = task_type
    ids = ["d47c3599-f166-4cd0-999c-f60e46814d26", "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c"]
    extras = spec.setdefault("task_extras", {})
    extras["line"] = [{"id": i, "limit": 2} for i in ids] if objects else list(ids)
    spec["maximumcall"] = 4
    if task_type == "new_v2":
        extras.setdefault("pop_mode", "random")
    return True


def mixed_lines(spec: dict) -> bool:
    spec.setdefault("task_extras", {})["line"] = [
        "d47c3599-f166-4cd0-999c-f60e46814d26", {"id": "5a1e7c2b-0f3d-4e8a-b6c1-2d3e4f5a6b7c", "limit": 2}]
    spec["maximumcall"] = 4
    return True


def same_line_twice(spec: dict) -> bool:
    line = "d47c3599-f166-4cd0-999c-f60e46814d26"
    if spec.get("task_type") == "v2":
        spec["task_extras"]["line"] = [line, line]
    else:
        spec["task_extras"]["line"] = [{"id": line, "limit": 1}, {"id": line, "limit": 3}]
    spec["maximumcall"] = 4
    return True


def limits_off(spec: dict) -> bool:
    lines = get_path(spec, ("task_extras", "line"))
    if not lines or not isinstance(lines[0], dict):
        return False
    spec["maximumcall"] = len(lines) * 5
    return True


def dates(spec: dict, start: str, stop: str) -> bool:
    extras = spec.setdefault("task_extras", {})
    extras["start_time"], extras["stop_time"] = start, stop
    return True


def windows(spec: dict, key: str, overlap: bool) -> bool:
    second_begin = "11:00" if overlap else "12:00"
    if key == "group_switch_rule":
        spec[key] = [{"switch_start": "09:00", "switch_end": "12:00", "group_id": 1, "default_group_id": 2},
                     {"switch_start": second_begin, "switch_end": "14:00", "group_id": 3, "default_group_id": 2}]
        return True
    extras = spec.setdefault("task_extras", {})
    if key == "work_hour":
        extras[key] = [{"wday": 1, "begin": "09:00", "end": "12:00"}, {"wday": 1, "begin": second_begin, "end": "14:00"}]
    else:
        extras[key] = [{"begin": "09:00", "end": "12:00", "destination_extension": 1},
                       {"begin": second_begin, "end": "14:00", "destination_extension": 2}]
    return True


def reversed_window(spec: dict, key: str) -> bool:
    extras = spec.setdefault("task_extras", {})
    if key == "work_hour":
        extras[key] = [{"wday": 2, "begin": "18:00", "end": "09:00"}]
    else:
        extras[key] = [{"begin": "18:00", "end": "09:00", "destination_extension": 1}]
    return True


def switch_without(spec: dict, mode: Any) -> bool:
    spec["is_group_switch"] = mode
    extras = spec.setdefault("task_extras", {})
    extras.pop("destination_extension_with_variable_list", None)
    extras.pop("destination_extension_list", None)
    spec.pop("group_switch_rule", None)
    return True


def two_bad_work_hours(spec: dict) -> bool:
    spec.setdefault("task_extras", {})["work_hour"] = [
        {"wday": 1, "begin": "25:00", "end": "12:00"}, {"wday": 2, "begin": "09:00", "end": "12:00"},
        {"wday": 9, "begin": "09:00", "end": "12:00"}]
    return True


def all_mutations() -> list[Mutation]:
    out: list[Mutation] = []
    for path, values in scalar_fields():
        for label, value in values:
            out.append(Mutation(f"{fmt(path)} = {label}", path, value))
    return out + structural_mutations()


def random_mutation(rng: random.Random) -> Mutation:
    """A random value for a random numeric field: inside and outside its range."""
    te = "task_extras"
    choices: list[tuple[tuple, int, int]] = [
        (("maximumcall",), -20, 200), ((te, "redial_interval"), -10, 120), ((te, "redial_max_times"), -3, 8),
        ((te, "interval_time"), -10, 100), ((te, "line", 0, "limit"), -3, 20), (("new_call_rules", 0, "call_interval"), -5, 200),
        ((te, "work_week", 0), -3, 10), ((te, "work_hour", 0, "wday"), -3, 10), (("end_action",), -2, 5),
        (("is_group_switch",), -2, 6), ((te, "pop_mode"), -2, 5), (("task_type",), 0, 10),
        ((te, "redial_conditions", "da_status", 0), -1, 15), (("dial_time_id",), -10, 10**6),
        (("destination_extension",), -10, 10**6),
    ]
    path, low, high = rng.choice(choices)
    value = rng.randint(low, high)
    if rng.random() < 0.1:
        return Mutation(f"{fmt(path)} = random quoted {value}", path, Quoted(str(value)))
    return Mutation(f"{fmt(path)} = random {value}", path, value)


def random_time_mutation(rng: random.Random) -> Mutation:
    te = "task_extras"
    kind = rng.choice(["recall", "clock", "datetime"])
    if kind == "recall":
        value = f"{rng.randint(0, 24):02d}:{rng.randint(0, 60):02d}:{rng.choice([0, 0, 0, rng.randint(0, 60)]):02d}"
        return Mutation(f"new_call_rules[0].re_call_time = random {value}", ("new_call_rules", 0, "re_call_time"), value)
    if kind == "clock":
        value = f"{rng.randint(0, 25)}:{rng.choice([0, 30, 59, 60]):02d}"
        path = rng.choice([(te, "work_hour", 0, "end"), (te, "destination_extension_list", 0, "end"),
                           ("group_switch_rule", 0, "switch_end")])
        return Mutation(f"{fmt(path)} = random {value}", path, value)
    value = f"{rng.choice([2024, 2026, 2028, 2100])}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d} " \
            f"{rng.randint(0, 24):02d}:{rng.randint(0, 60):02d}:{rng.randint(0, 60):02d}"
    path = rng.choice([(te, "start_time"), (te, "stop_time")])
    return Mutation(f"{fmt(path)} = random {value}", path, value)


# MARK: - Cases

@dataclass
class Case:
    index: int
    example: str
    mutations: list[Mutation]
    spec: Any
    text: str = ""
    meaning: Any = None  # the file as YAML 1.2 reads it (what the schema and the body builder see)
    body: Any = None
    parts: list[int] = field(default_factory=list)  # single-mutation cases a pair is made of
    validate_errors: list[dict] = field(default_factory=list)
    schema_errors: list[tuple[str, str, Any]] = field(default_factory=list)
    schema_detail: list[tuple[str, str, Any, Any]] = field(default_factory=list)
    sim_message: str = ""
    verdicts: tuple = ()

    @property
    def label(self) -> str:
        return f"{self.example}: " + " + ".join(m.label for m in self.mutations) if self.mutations else f"{self.example}: unchanged"

    @property
    def file_name(self) -> str:
        return f"{self.index:05d}.yaml"


def load_examples() -> dict[str, dict]:
    out = {}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        documents = [d for d in check_schema.yaml.load_all(path.read_text(encoding="utf-8"), Loader=check_schema.CoreSchemaLoader) if d]
        for document in documents:
            out[path.name] = {k: v for k, v in document.items() if not k.startswith("x-")}
    return out


def make_case(index: int, example_name: str, example: dict, mutations: list[Mutation]) -> Case | None:
    spec = copy.deepcopy(example)
    # Unique identity per case: the same task specified twice is an error of its own.
    spec["uuid"] = f"00000000-0000-4000-8000-{index:012d}"
    spec["name"] = f"{example['name']}-{index}"
    for mutation in mutations:
        if not mutation.apply(spec):
            return None
    return Case(index, example_name, mutations, spec)


def generate(count: int, seed: int) -> list[Case]:
    rng = random.Random(seed)
    examples = load_examples()
    names = sorted(examples)
    cases: list[Case] = []
    singles: dict[str, list[int]] = {}  # mutation label -> case indexes (one per example)

    def add(example: str, mutations: list[Mutation]) -> Case | None:
        case = make_case(len(cases), example, examples[example], mutations)
        if case is not None:
            cases.append(case)
        return case

    for name in names:
        add(name, [])
    systematic = all_mutations()
    for mutation in systematic:
        for name in names:
            case = add(name, [mutation])
            if case is not None:
                singles.setdefault(mutation.label, []).append(case.index)
    while len(cases) < count:
        roll = rng.random()
        name = rng.choice(names)
        if roll < 0.45:
            mutation = random_mutation(rng) if rng.random() < 0.6 else random_time_mutation(rng)
            add(name, [mutation])
        else:
            # A pair of systematic mutations on one example, both applicable alone.
            first, second = rng.sample(systematic, 2)
            parts = []
            for mutation in (first, second):
                indexes = [i for i in singles.get(mutation.label, []) if cases[i].example == name]
                parts.append(indexes[0] if indexes else None)
            if None in parts or paths_overlap(first, second):
                continue
            case = add(name, [first, second])
            if case is not None:
                case.parts = parts
    return cases


def paths_overlap(a: Mutation, b: Mutation) -> bool:
    if a.apply_fn or b.apply_fn:
        return True
    shorter = min(len(a.path), len(b.path))
    return a.path[:shorter] == b.path[:shorter]


# MARK: - The three judges

def run_validate(binary: Path, directory: Path, cases: list[Case]) -> None:
    result = subprocess.run([str(binary), "validate", "--format", "json", "--no-color", str(directory)],
                            capture_output=True, text=True, cwd=directory)
    if result.returncode not in (0, 1):
        fail_setup(f"calltask validate exited {result.returncode}:\n{result.stderr}")
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        fail_setup(f"calltask validate --format json printed no JSON:\n{result.stdout[:2000]}\n{result.stderr[:2000]}")
    by_file: dict[str, list[dict]] = {}
    for entry in report["diagnostics"]:
        if entry["severity"] != "error":
            continue
        if not entry.get("file"):
            fail_setup(f"calltask validate reported an error without a file: {entry}")
        by_file.setdefault(Path(entry["file"]).name, []).append(entry)
    for case in cases:
        case.validate_errors = by_file.get(case.file_name, [])


def run_schema(cases: list[Case]) -> None:
    validator = check_schema.load_schema(check_schema.TASK_SCHEMA)
    for case in cases:
        document = case.meaning
        case.schema_detail = [(check_schema.json_path(error.absolute_path), check_schema.describe(error), error.instance, error)
                              for error in validator.iter_errors(document)]
        case.schema_errors = [(path, message, instance) for path, message, instance, _ in case.schema_detail]


class Simulator:
    """A `calltask-sim --port 0 --strict-put` process and a keep-alive HTTP connection to it."""

    def __init__(self, binary: Path, work: Path):
        self.out = (work / "sim.out").open("w+")
        self.err = (work / "sim.err").open("w+")
        self.process = subprocess.Popen([str(binary), "--port", "0", "--strict-put"], stdout=self.out, stderr=self.err)
        address = None
        for _ in range(300):
            self.out.seek(0)
            found = re.search(r"http://([0-9.]+):([0-9]+)", self.out.read())
            if found:
                address = found
                break
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        if address is None:
            self.err.seek(0)
            self.stop()
            fail_setup(f"calltask-sim did not start:\n{self.err.read()}")
        self.host, self.port = address.group(1), int(address.group(2))
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def put(self, body: Any) -> tuple[int, dict]:
        data = json.dumps(body, ensure_ascii=False).encode()
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        for attempt in range(2):
            try:
                self.connection.request("PUT", f"/agent-api/new/user/{USER_ID}/task/{TARGET_TASK}", body=data, headers=headers)
                response = self.connection.getresponse()
                payload = response.read()
                return response.status, json.loads(payload)
            except (http.client.HTTPException, ConnectionError):
                if attempt:
                    raise
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        raise AssertionError("unreachable")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def run_simulator(sim: Simulator, cases: list[Case]) -> None:
    for case in cases:
        status, envelope = sim.put(case.body)
        if status == 200 and envelope.get("code") == 200:
            case.sim_message = ""
        elif status == 422 and envelope.get("status") == "error" and envelope.get("message"):
            case.sim_message = envelope["message"]
        else:
            fail_setup(f"calltask-sim answered HTTP {status} {envelope} to case {case.index} ({case.label})")


# MARK: - Expected disagreements

ACCEPT, REFUSE = "accept", "refuse"


def verdicts(case: Case) -> tuple[str, str, str]:
    return (REFUSE if case.validate_errors else ACCEPT,
            REFUSE if case.schema_errors else ACCEPT,
            REFUSE if case.sim_message else ACCEPT)


@dataclass
class Expected:
    """A disagreement docs/rules.md lists. `verdicts`: the (validate, schema, simulator) verdicts it
    gives. The first tool that refuses (validate, then the simulator, then the schema) must have every
    one of its messages claimed by an entry giving the case's verdicts."""
    id: str
    title: str
    verdicts: set
    validate: Callable[[Case, str], bool] | None = None
    schema: Callable[[Case, str, str, Any, Any], bool] | None = None
    sim: Callable[[Case, str], bool] | None = None


def spec_lacks(case: Case, *paths: tuple) -> bool:
    return any(get_path(case.spec, path) is None for path in paths)


EXPECTED: list[Expected] = [
    Expected(
        "schema-cannot-compare",
        "the schema cannot compare two values: maximumcall divisible by the number of lines (seed 001 note "
        "5; validate and the simulator), start_time before stop_time, a holiday's start before its end, "
        "windows that end before they begin or overlap, a line listed twice (validate only: our rules; "
        "the docs are silent, so the simulator takes them).",
        {(REFUSE, ACCEPT, REFUSE), (REFUSE, ACCEPT, ACCEPT)},
        validate=lambda c, m: re.search(r"not divisible by the number of lines|is not after|ends before it begins|overlaps|line .* is listed twice", m) is not None,
        sim=lambda c, m: "must be divisible by the number of lines" in m,
    ),
    Expected(
        "own-stricter",
        "our own rules where the docs say less: redial_interval, redial_max_times and call_interval at "
        "least 1 (the docs give only maximums, and 0 is what a task without redial settings holds), "
        "a variable rule with at least one keyword and no empty one, is_group_switch by_time and multi needing their lists (the docs "
        "mark only by_variable's list required), dates only in the examples' form `2026-03-01 09:00:00` "
        "(the docs' tables also write `2024/11/1 13:25`). validate and the schema refuse; the simulator, "
        "which follows the docs only, takes them.",
        {(REFUSE, REFUSE, ACCEPT)},
        validate=lambda c, m: re.search(r"below the minimum of 1 (minute|redial)|value is empty|needs at least 1 value|by_time \(1\) needs|multi \(3\) needs|'[0-9]{4}/[0-9]{1,2}/[0-9]{1,2} [0-9]{1,2}:[0-9]{2}' is not a date", m) is not None,
    ),
    Expected(
        "spec-only",
        "rules about the spec rather than the body: `uuid` and `enable` are never sent; a spec without "
        "`name` still sends the live task's name; a holiday whose start is written as both `start` and "
        "`begin` is sent with both anyway (fields.md A3). validate and the schema judge them; the "
        "simulator never sees them.",
        {(REFUSE, REFUSE, ACCEPT)},
        validate=lambda c, m: re.match(r"(uuid|enable|name): ", m) is not None or "is written twice, as 'start' and as 'begin'" in m,
    ),
    Expected(
        "pending-merged-body",
        "pending: rules on the merged body (plan time). validate checks a spec alone; the simulator judges "
        "the body, where a key the spec leaves out comes from the live task: a spec without task_type gets "
        "the live flavour (line shape, pop_mode), a new 2.0 spec without pop_mode or lines gets the live "
        "ones.",
        {(REFUSE, ACCEPT, ACCEPT), (ACCEPT, ACCEPT, REFUSE), (REFUSE, REFUSE, ACCEPT)},
        validate=lambda c, m: "missing required key 'pop_mode'" in m and spec_lacks(c, ("task_extras", "pop_mode")),
        sim=lambda c, m: re.search(r"task_type|pop_mode", m) is not None
        and spec_lacks(c, ("task_type",), ("task_extras", "line"), ("task_extras", "pop_mode")),
    ),
]


def explain(case: Case, by_index: dict[int, Case]) -> str | None:
    """The ids of the entries that explain the case's disagreement, "parts" when a pair's verdicts are
    its parts' combined, None when nothing does.

    Every message of validate and of the simulator, when they refuse, must be claimed by an entry that
    gives the case's verdicts; so must every schema error when the schema refuses and validate does not
    (when both refuse, validate's messages say why)."""
    seen = verdicts(case)
    candidates = [entry for entry in EXPECTED if seen in entry.verdicts]
    claims: list[list[str]] = []
    if seen[0] == REFUSE:
        claims += [[e.id for e in candidates if e.validate and e.validate(case, f"{error['path']}: {error['message']}")]
                   for error in case.validate_errors]
    if seen[2] == REFUSE:
        claims.append([e.id for e in candidates if e.sim and e.sim(case, case.sim_message)])
    if seen[1] == REFUSE and seen[0] == ACCEPT:
        claims += [[e.id for e in candidates if e.schema and e.schema(case, path, message, instance, error)]
                   for path, message, instance, error in case.schema_detail]
    if claims and all(claims):
        return "+".join(sorted({owners[0] for owners in claims}))
    if case.parts:
        combined = tuple(REFUSE if any(verdicts(by_index[p])[i] == REFUSE for p in case.parts) else ACCEPT for i in range(3))
        if combined == seen:
            return "parts"
    return None


# MARK: - Running

def fail_setup(message: str) -> None:
    print(f"differential: error: {message}", file=sys.stderr)
    sys.exit(2)


def report(case: Case) -> str:
    v, s, m = verdicts(case)
    lines = [f"--- case {case.index} ({case.file_name}): {case.label}",
             f"    validate {v}, schema {s}, simulator {m}"]
    for e in case.validate_errors:
        lines.append(f"    validate: {e.get('line')}:{e.get('column')}: {e['path']}: {e['message']}")
    for path, message, _ in case.schema_errors:
        lines.append(f"    schema:   {path}: {message}")
    if case.sim_message:
        lines.append(f"    simulator: {case.sim_message}")
    lines.append("    spec:")
    lines += ["      " + line for line in case.text.splitlines()]
    lines.append("    body: " + json.dumps(case.body, ensure_ascii=False))
    return "\n".join(lines)


def summary_line(case: Case) -> str:
    v, s, m = verdicts(case)
    first_validate = case.validate_errors[0]["path"] + ": " + case.validate_errors[0]["message"] if case.validate_errors else ""
    first_schema = case.schema_errors[0][0] + ": " + case.schema_errors[0][1] if case.schema_errors else ""
    return f"{case.index:05d} {v[0]}{s[0]}{m[0]} {case.label} | V: {first_validate} | S: {first_schema[:120]} | M: {case.sim_message[:120]}"


def documented_ids() -> set[str]:
    if not RULES_DOC.exists():
        return set()
    return set(re.findall(r"`(pending-[a-z-]+|[a-z]+(?:-[a-z]+)+)`", RULES_DOC.read_text(encoding="utf-8")))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=int(os.environ.get("CALLTASK_DIFF_COUNT", "4000")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("CALLTASK_DIFF_SEED", "20260301")))
    parser.add_argument("--bin", type=Path, help="directory of the built calltask and calltask-sim")
    parser.add_argument("--keep", type=Path, help="write the generated specs here and keep them")
    parser.add_argument("--verbose", action="store_true", help="print every expected disagreement too")
    parser.add_argument("--summary", action="store_true", help="one line per unexplained disagreement instead of the full report")
    args = parser.parse_args(argv)

    started = time.monotonic()
    bin_dir = args.bin or Path(subprocess.run(["swift", "build", "--show-bin-path"], capture_output=True, text=True,
                                              cwd=ROOT, check=True).stdout.strip())
    bin_dir = bin_dir.resolve()
    calltask, simulator_binary = bin_dir / "calltask", bin_dir / "calltask-sim"
    for binary in (calltask, simulator_binary):
        if not binary.exists():
            fail_setup(f"{binary} is not built (swift build --product {binary.name})")

    undocumented = {entry.id for entry in EXPECTED} - documented_ids()
    if undocumented:
        fail_setup(f"expected disagreements missing from docs/rules.md: {', '.join(sorted(undocumented))}")

    cases = generate(args.count, args.seed)
    work = Path(tempfile.mkdtemp(prefix="calltask-differential-"))
    directory = args.keep or (work / "specs")
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    for case in cases:
        case.text = to_yaml(case.spec)
        (directory / case.file_name).write_text(case.text, encoding="utf-8")
        # The body is built from what the file means (YAML 1.2), as the schema reads it.
        meaning = check_schema.yaml.load(case.text, Loader=check_schema.CoreSchemaLoader)
        case.meaning = meaning
        case.body = build_body(meaning)
    generated = time.monotonic()

    run_validate(calltask, directory, cases)
    validated = time.monotonic()
    run_schema(cases)
    schema_checked = time.monotonic()
    sim = Simulator(simulator_binary, work)
    try:
        run_simulator(sim, cases)
    finally:
        sim.stop()
    simulated = time.monotonic()

    by_index = {case.index: case for case in cases}
    agreed = 0
    explained: dict[str, int] = {}
    unexplained: list[Case] = []
    for case in cases:
        v = verdicts(case)
        if len(set(v)) == 1:
            agreed += 1
            continue
        reason = explain(case, by_index)
        if reason is None:
            unexplained.append(case)
        else:
            explained[reason] = explained.get(reason, 0) + 1
            if args.verbose:
                print(f"expected ({reason}):\n{report(case)}")
    if args.summary:
        for case in unexplained:
            print(summary_line(case))
    else:
        for case in unexplained[:40]:
            print(report(case))
    if len(unexplained) > 40 and not args.summary:
        print(f"... and {len(unexplained) - 40} more unexplained disagreements")
    unchanged = [c for c in cases if not c.mutations and verdicts(c) != (ACCEPT, ACCEPT, ACCEPT)]
    for case in unchanged:
        print(f"an unchanged example is refused:\n{report(case)}")
    refused_all = sum(1 for c in cases if verdicts(c) == (REFUSE, REFUSE, REFUSE))
    elapsed = time.monotonic() - started
    systematic = sum(1 for c in cases if len(c.mutations) == 1 and not c.mutations[0].label.split(" = ")[-1].startswith("random"))
    print(f"differential: {len(cases)} specs (seed {args.seed}; {systematic} systematic single mutations, "
          f"{sum(1 for c in cases if c.parts)} pairs): {agreed} agree "
          f"({refused_all} refused by all three), {sum(explained.values())} expected disagreements "
          f"({', '.join(f'{k} {n}' for k, n in sorted(explained.items())) or 'none'}), "
          f"{len(unexplained)} unexplained; {elapsed:.1f}s (generate {generated - started:.1f}s, validate "
          f"{validated - generated:.1f}s, schema {schema_checked - validated:.1f}s, simulator {simulated - schema_checked:.1f}s)")
    if args.keep is None and not unexplained:
        shutil.rmtree(work, ignore_errors=True)
    elif args.keep is None:
        print(f"differential: the generated specs are in {directory}")
    return 1 if unexplained or unchanged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
