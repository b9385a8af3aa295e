#!/usr/bin/env python3
"""Renders the Markdown plan golden files as GitHub renders a comment and checks the HTML's structure.

GitHub renders comments with cmark-gfm, raw HTML allowed (CMARK_OPT_UNSAFE) and the tagfilter extension
(the default options would drop <details> as raw HTML). This script does the same through the `cmarkgfm`
package (PyPI) and checks, for every Tests/CalltaskCoreTests/Snapshots/*markdown*.txt:

- exactly one <table> (the summary), every row with as many cells as the header (a `|` in data would
  split a cell), and one row per <details> block, in the same order, naming the same task;
- each <details> holds one <summary> naming its task in <code>, and blocks are never nested;
- no text of a task outside its block: every diff (<pre>), every `Spec:` line and every warning sits
  inside a <details>; outside them there is only the heading, the account, the counts, the table,
  notes and the summary line;
- hostile strings (the inert-* golden files) stay inert: only the tags a plan writes appear, with no
  attribute but the table's alignment and the diff's language.
- where the plan's JSON golden file exists (plan-N-markdown and plan-N-json), the table has a row for every
  task the plan shows (updated, skipped, warned about) and every error.

Usage: scripts/check-markdown.py [FILE…]   (default: every Markdown golden file)
       scripts/check-markdown.py --self-test  (each kind of damage, planted in a golden file, is caught)
"""
import glob
import json
import os
import re
import sys
from html.parser import HTMLParser

try:
    import cmarkgfm
    from cmarkgfm.cmark import Options
except ImportError:
    sys.exit("check-markdown: the cmarkgfm package is missing: pip install cmarkgfm")

ALLOWED = {
    "h3": set(), "p": set(), "code": set(), "pre": {"lang"}, "table": set(), "thead": set(), "tbody": set(),
    "tr": set(), "th": {"align"}, "td": {"align"}, "details": set(), "summary": set(), "blockquote": set(),
    "strong": set(), "ul": set(), "li": set(),
}
VOID = {"br", "img", "hr", "input", "meta", "link"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find(self, tag):
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    yield child
                yield from child.find(tag)

    def inside(self, tag):
        node = self.parent
        while node is not None:
            if node.tag == tag:
                return True
            node = node.parent
        return False


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.current = self.root
        self.errors = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is None:
            self.errors.append(f"an end tag </{tag}> closes nothing")
            return
        self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def render(markdown):
    return cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_GITHUB_PRE_LANG,
        extensions=["table", "autolink", "tagfilter", "strikethrough", "tasklist"])


def expected_rows(markdown_path):
    """The number of rows the plan's JSON golden file says the table needs, or None without one."""
    json_path = markdown_path.replace("-markdown.txt", "-json.txt")
    if json_path == markdown_path or not os.path.exists(json_path):
        return None
    with open(json_path, encoding="utf-8") as handle:
        plan = json.load(handle)
    shown = [t for t in plan["tasks"] if t["action"] != "no-change" or t.get("warnings")]
    return len(shown) + len(plan.get("unmatched", []))


def check(path):
    with open(path, encoding="utf-8") as handle:
        markdown = handle.read()
    builder = TreeBuilder()
    builder.feed(render(markdown))
    builder.close()
    problems = list(builder.errors)
    root = builder.root

    every = list(walk(root))
    for node in every:
        allowed = ALLOWED.get(node.tag)
        if allowed is None:
            problems.append(f"a <{node.tag}> element: plans write no such tag (data opened HTML?)")
            continue
        for name, _ in node.attrs:
            if name not in allowed:
                problems.append(f"<{node.tag} {name}=…>: plans write no such attribute")

    # GFM drops the cells past the header's count, so a split cell is also looked for in the source.
    for number, line in enumerate(markdown.split("\n"), 1):
        if line.startswith("|") and line.count("|") != 6:
            problems.append(f"line {number}: a table row with {line.count('|') - 1} cells, the header has 5: data split a cell")

    tables = list(root.find("table"))
    if len(tables) != 1:
        problems.append(f"{len(tables)} tables; a plan has exactly one summary table")
    rows = []
    if tables:
        header = [c for c in tables[0].find("th")]
        for row in tables[0].find("tr"):
            cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
            if len(cells) != len(header):
                problems.append(f"a table row has {len(cells)} cells, the header {len(header)}: data split a cell")
            if cells and cells[0].tag == "td" and not re.fullmatch(r"(\d+|—)( \(\+\d+ side effects?\))?", cells[-1].text()):
                problems.append(f"a table row ends in {cells[-1].text()!r}, not its number of fields: data split a cell")
            if cells and cells[0].tag == "td":
                codes = list(cells[1].find("code")) if len(cells) > 1 else []
                rows.append(codes[0].text() if codes else None)

    details = list(root.find("details"))
    names = []
    for block in details:
        if block.inside("details"):
            problems.append("a <details> block inside another")
        summaries = [c for c in block.children if isinstance(c, Node) and c.tag == "summary"]
        if len(summaries) != 1:
            problems.append(f"a <details> block with {len(summaries)} <summary> elements")
            continue
        codes = list(summaries[0].find("code"))
        names.append(codes[0].text() if codes else None)
        if not codes:
            problems.append("a <summary> without the task's name in <code>")
    cut = "left out to stay under" in markdown
    if names != rows[:len(names)] or (not cut and len(names) != len(rows)):
        problems.append(f"{len(rows)} table rows and {len(details)} <details> blocks do not name the same tasks in order")
    wanted = expected_rows(path)
    if wanted is not None and len(rows) != wanted and "more row(s) left out" not in markdown:
        problems.append(f"{len(rows)} table rows; the JSON plan shows {wanted} tasks and errors")

    for node in every:
        if node.tag == "pre" and not node.inside("details"):
            problems.append("a diff block outside every <details>: a task's text outside its block")
        if node.tag == "p" and not node.inside("details"):
            text = node.text()
            if text.startswith("Spec:") or text.startswith("Side effects"):
                problems.append(f"{text[:40]!r} outside every <details>: a task's text outside its block")
        if node.tag == "blockquote" and not node.inside("details") and "⚠️" in node.text():
            problems.append("a warning outside every <details>: a task's text outside its block")
    return problems


def walk(node):
    for child in node.children:
        if isinstance(child, Node):
            yield child
            yield from walk(child)


# Damage a check must catch, planted in a golden plan: (what, text to find, its replacement).
MUTATIONS = [
    ("a `|` from data splits a cell", "<code>campaign-0003</code> | update", "<code>campaign-0003</code> | a | b"),
    ("data opens HTML and closes a block", "Spec: <code>specs/campaigns.yaml:1:1</code>",
     "</details>\n\n<img src=x onerror=alert(1)>"),
    ("a task's diff outside its block", "<details><summary><code>campaign-0001</code>",
     "```diff\n- stray\n```\n\n<details><summary><code>campaign-0001</code>"),
    ("a second table", "<details><summary><code>campaign-0000</code>",
     "| a | b | c | d | e |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |\n\n<details><summary><code>campaign-0000</code>"),
    ("a task's block missing", "<details><summary><code>campaign-0002</code>", "<div><summary><code>campaign-0002</code>"),
]


def self_test(here):
    import tempfile
    golden = os.path.join(here, "..", "Tests", "CalltaskCoreTests", "Snapshots", "plan-10-markdown.txt")
    with open(golden, encoding="utf-8") as handle:
        clean = handle.read()
    missed = 0
    with tempfile.TemporaryDirectory() as directory:
        for what, find, replace in MUTATIONS:
            if find not in clean:
                print(f"check-markdown --self-test: cannot plant '{what}': {find!r} is not in {golden}")
                missed += 1
                continue
            path = os.path.join(directory, "plan-markdown.txt")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(clean.replace(find, replace, 1))
            caught = check(path)
            print(f"check-markdown --self-test: {what}: " + ("caught (" + caught[0] + ")" if caught else "MISSED"))
            missed += not caught
    return 1 if missed else 0


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    if argv == ["--self-test"]:
        return self_test(here)
    files = argv or sorted(glob.glob(os.path.join(here, "..", "Tests", "CalltaskCoreTests", "Snapshots", "*markdown*.txt")))
    if not files:
        sys.exit("check-markdown: no Markdown golden files found")
    failed = 0
    for path in files:
        problems = check(path)
        for problem in problems:
            print(f"{os.path.relpath(path)}: {problem}")
        failed += bool(problems)
    print(f"check-markdown: {len(files)} Markdown plans rendered with cmark-gfm (unsafe, tagfilter); {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
