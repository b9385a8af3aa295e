#!/usr/bin/env python3
"""Extract the shell steps of CI pipeline files into scripts that shellcheck can read.

Usage:
    scripts/extract-ci-shell.py OUTDIR FILE...

FILE is a GitHub Actions workflow (any file under a `.github/workflows/` folder) or a GitLab CI file
(named `.gitlab-ci.yml`, or `*.gitlab-ci.yml`). For each shell block it writes one script to OUTDIR and
prints one manifest line on stdout, tab-separated:

    SCRIPT  FILE:LINE  JOB  STEP

- GitHub: every `run:` of every job's steps. The shell is the step's `shell:`, else the job's or the
  workflow's `defaults.run.shell`, else GitHub's default on Linux runners and containers: bash
  (`bash -e {0}`). Every `${{ ... }}` expression becomes `${GHA_EXPR}`: GitHub pastes the expression's
  value into the script text before the shell runs, so shellcheck should see it as a value it does not
  control, like an unquoted variable.
- GitLab: `before_script:`, `script:` and `after_script:` of every job, hidden templates (`.name`, what
  `extends:` copies) and `default:` included; a block is a string or a list (nested lists flattened, as
  GitLab does) of strings, one command each; `!reference [job, key]` is resolved. The shell is bash: the
  Docker executor runs the first of bash, then sh, that the image has, and the images in use have bash
  (an `alpine`/`busybox` image gets sh).

A script's lines sit at the line numbers of the YAML file (blank lines pad the gaps), so a shellcheck
finding's line number is the line in FILE; where that cannot hold (a folded `>` block, a multi-line plain
scalar, a `!reference`), the block's lines follow each other and the manifest line says so.

Anything that should be a shell block but cannot be extracted (a `run:` that is not a string, a shell that
is neither bash nor sh, a script item that is not a string, an unresolvable `!reference`, a file that does
not parse) is listed on stderr and the exit status is 1; nothing is skipped silently. JavaScript
(`actions/github-script`'s `script:` input) is not shell and is not extracted.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.DOTALL)
GITLAB_KEYWORDS = {"default", "include", "stages", "variables", "workflow", "image", "services", "cache",
                   "before_script", "after_script", "spec"}
GITLAB_BLOCKS = ("before_script", "script", "after_script")


class LineStr(str):
    """A string scalar that remembers where its text starts in the file (1-based) and whether its lines
    map one to one onto the file's lines."""
    line: int
    exact: bool


class Reference:
    def __init__(self, path: list, line: int):
        self.path, self.line = path, line


class Loader(yaml.SafeLoader):
    pass


def construct_str(loader: Loader, node: yaml.ScalarNode) -> LineStr:
    value = LineStr(loader.construct_scalar(node))
    if node.style == "|":
        value.line = node.start_mark.line + 2       # the mark is on the `|` indicator; text starts below
        value.exact = True
    else:
        value.line = node.start_mark.line + 1
        value.exact = node.style != ">" and node.start_mark.line == node.end_mark.line and "\n" not in value
    return value


def construct_reference(loader: Loader, node: yaml.Node) -> Reference:
    path = loader.construct_sequence(node, deep=True) if isinstance(node, yaml.SequenceNode) else None
    return Reference(path, node.start_mark.line + 1)


Loader.add_constructor("tag:yaml.org,2002:str", construct_str)
Loader.add_constructor("!reference", construct_reference)


class Problem(Exception):
    pass


def default_shell(owner: dict):
    """`defaults: {run: {shell: ...}}` of a workflow or a job, or None."""
    defaults = owner.get("defaults")
    run = defaults.get("run") if isinstance(defaults, dict) else None
    return run.get("shell") if isinstance(run, dict) else None


class Extractor:
    def __init__(self, outdir: Path):
        self.outdir = outdir
        self.count = 0
        self.manifest: list[str] = []
        self.problems: list[str] = []

    def problem(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def write(self, file: str, job: str, step: str, shell: str, pieces: list[LineStr], note: str = "") -> None:
        """Lays the pieces out at their YAML line numbers where they can be, else one after another."""
        lines = ["#!/usr/bin/env bash" if shell == "bash" else "#!/bin/sh"]
        exact = all(getattr(p, "exact", False) for p in pieces)
        for piece in pieces:
            text = piece.rstrip("\n").split("\n")
            if exact and piece.line > len(lines):
                lines.extend([""] * (piece.line - 1 - len(lines)))
            else:
                exact = False
            lines.extend(text)
        self.count += 1
        slug = re.sub(r"[^A-Za-z0-9]+", "-", f"{job}-{step}").strip("-")[:60]
        script = self.outdir / f"{self.count:02d}-{slug}.sh"
        script.write_text("\n".join(lines) + "\n", encoding="utf-8")
        first = pieces[0].line if pieces else 0
        notes = [shell] + ([note] if note else []) + ([] if exact else ["script lines do not match the YAML's"])
        self.manifest.append("\t".join([str(script), f"{file}:{first}", job, f"{step} ({', '.join(notes)})"]))

    # --- GitHub Actions ---------------------------------------------------------------------------------

    def github(self, file: str, doc) -> None:
        if not isinstance(doc, dict) or not isinstance(doc.get("jobs"), dict):
            raise Problem("no `jobs:` mapping")
        workflow_shell = default_shell(doc)
        for job_id, job in doc["jobs"].items():
            if not isinstance(job, dict):
                self.problem(f"{file}: job {job_id}", "not a mapping")
                continue
            if "steps" not in job:
                if "uses" not in job:   # a reusable-workflow call has no steps of its own
                    self.problem(f"{file}: job {job_id}", "no `steps:`")
                continue
            steps = job["steps"]
            if not isinstance(steps, list):
                self.problem(f"{file}: job {job_id}", "`steps:` is not a list")
                continue
            job_shell = default_shell(job)
            for index, step in enumerate(steps, 1):
                if not isinstance(step, dict):
                    self.problem(f"{file}: job {job_id}, step {index}", "not a mapping")
                    continue
                if "run" not in step:
                    continue
                name = str(step.get("name") or step.get("id") or f"step {index}")
                where = f"{file}: job {job_id}, step {name!r}"
                run = step["run"]
                if not isinstance(run, str):
                    self.problem(where, f"`run:` is a {type(run).__name__}, not a string")
                    continue
                shell_spec = next((s for s in (step.get("shell"), job_shell, workflow_shell) if s is not None), "bash")
                words = str(shell_spec).split()
                shell = words[0].rsplit("/", 1)[-1] if words else ""
                if shell not in ("bash", "sh"):
                    self.problem(where, f"shell {shell_spec!r} is neither bash nor sh; shellcheck cannot check it")
                    continue
                text = LineStr(EXPRESSION.sub("${GHA_EXPR}", run))
                text.line, text.exact = run.line, run.exact and text.count("\n") == run.count("\n")
                self.write(file, job_id, name, shell, [text])

    # --- GitLab CI --------------------------------------------------------------------------------------

    def resolve(self, doc: dict, value, where: str, depth: int = 0) -> list[LineStr]:
        """A block's commands: a string, or a list of strings and lists (flattened) and !references."""
        if depth > 10:
            raise Problem(f"{where}: nested more than 10 levels")
        if isinstance(value, Reference):
            path = value.path
            if not path or not all(isinstance(p, str) for p in path):
                raise Problem(f"{where}: line {value.line}: `!reference` needs a list of names")
            target = doc
            for key in path:
                if not isinstance(target, dict) or key not in target:
                    raise Problem(f"{where}: line {value.line}: `!reference {list(map(str, path))}` not found in this file")
                target = target[key]
            copies = []
            for piece in self.resolve(doc, target, where, depth + 1):
                copy = LineStr(piece)
                copy.line, copy.exact = piece.line, False   # the text sits elsewhere in the file
                copies.append(copy)
            return copies
        if isinstance(value, str):
            return [value]
        if isinstance(value, list):
            pieces: list[LineStr] = []
            for item in value:
                pieces.extend(self.resolve(doc, item, where, depth + 1))
            return pieces
        raise Problem(f"{where}: a {type(value).__name__} where a command (string) or a list of them belongs")

    def gitlab(self, file: str, doc) -> None:
        if not isinstance(doc, dict):
            raise Problem("not a mapping of jobs")
        default = doc.get("default") if isinstance(doc.get("default"), dict) else {}
        default_image = doc.get("image") or default.get("image")
        owners = [("(top level)", doc, default_image), ("default", default, default_image)]
        for name, job in doc.items():
            if name in GITLAB_KEYWORDS or not isinstance(name, str):
                continue
            if not isinstance(job, dict):
                if not name.startswith("."):
                    self.problem(f"{file}: job {name}", "not a mapping")
                continue
            owners.append((name, job, self.image_of(doc, job) or default_image))
        for name, owner, image in owners:
            for key in GITLAB_BLOCKS:
                if key not in owner:
                    continue
                where = f"{file}: job {name}, {key}"
                try:
                    pieces = self.resolve(doc, owner[key], where)
                except Problem as problem:
                    self.problems.append(str(problem))
                    continue
                if not pieces:
                    continue
                image_name = image.get("name") if isinstance(image, dict) else image
                image_name = image_name if isinstance(image_name, str) else ""
                shell = "sh" if re.match(r"(.*/)?(alpine|busybox)([:@]|$)", image_name) else "bash"
                self.write(file, name, key, shell, pieces, f"image {image_name}" if image_name else "")

    @staticmethod
    def image_of(doc: dict, job: dict, depth: int = 0):
        """The job's image, following `extends:` (a name or a list; the last one wins)."""
        if "image" in job or depth > 10:
            return job.get("image")
        parents = job.get("extends")
        parents = [parents] if isinstance(parents, str) else parents if isinstance(parents, list) else []
        for parent in reversed(parents):
            if isinstance(doc.get(parent), dict):
                image = Extractor.image_of(doc, doc[parent], depth + 1)
                if image:
                    return image
        return None

    # ------------------------------------------------------------------------------------------------------

    def extract(self, path: str) -> None:
        p = Path(path)
        if "/.github/workflows/" in f"/{p.as_posix()}" or p.parent.as_posix().endswith(".github/workflows"):
            kind = self.github
        elif p.name.endswith(".gitlab-ci.yml") or p.name.endswith(".gitlab-ci.yaml"):
            kind = self.gitlab
        else:
            self.problem(path, "neither a GitHub workflow (.github/workflows/) nor a GitLab CI file (.gitlab-ci.yml)")
            return
        try:
            doc = yaml.load(p.read_text(encoding="utf-8"), Loader=Loader)
            kind(path, doc)
        except (OSError, yaml.YAMLError, Problem) as error:
            self.problem(path, str(error).replace("\n", " "))


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    outdir = Path(argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    extractor = Extractor(outdir)
    for path in argv[2:]:
        extractor.extract(path)
    for line in extractor.manifest:
        print(line)
    if extractor.problems:
        print(f"could not extract {len(extractor.problems)} shell block(s):", file=sys.stderr)
        for problem in extractor.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if not extractor.manifest:
        print("no shell blocks found", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
