#!/usr/bin/env python3
"""Checks the DOM of a rendered matrix.html (chromium --dump-dom after its script ran).

usage: check_dom.py DOM_FILE ROWS PLATFORMS KNOWN_TEXT [--unexpected] [DETAIL_TEXT...]
Exit 0 when the table has ROWS x PLATFORMS cells, each with a verdict class, PASS and FAIL
cells among them, at least one known divergence cell carries KNOWN_TEXT, (with --unexpected)
a cell is marked unexpected, and the detail panel shows every DETAIL_TEXT.
"""
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells = []  # (classes, text)
        self.detail = []
        self.in_cell = 0
        self.in_detail = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "td" and "cell" in classes:
            self.cells.append([classes, ""])
            self.in_cell = 1
        elif self.in_cell and tag not in ("br",):
            self.in_cell += 1
        if a.get("id") == "detail":
            self.in_detail = 1
        elif self.in_detail and tag not in ("br",):
            self.in_detail += 1

    def handle_endtag(self, tag):
        if self.in_cell:
            self.in_cell -= 1
        if self.in_detail:
            self.in_detail -= 1

    def handle_data(self, data):
        if self.in_cell:
            self.cells[-1][1] += data
        if self.in_detail:
            self.detail.append(data)


def main():
    dom_file, rows, platforms, known = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    details = sys.argv[5:]
    want_unexpected = bool(details) and details[0] == "--unexpected"
    if want_unexpected:
        details = details[1:]
    d = Dom()
    with open(dom_file, encoding="utf-8") as f:
        d.feed(f.read())
    problems = []
    if len(d.cells) != rows * platforms:
        problems.append(f"{len(d.cells)} cells, expected {rows} x {platforms}")
    for classes, text in d.cells:
        if not any(c.startswith("v-") for c in classes):
            problems.append(f"a cell without a verdict class: {classes} {text!r}")
    verdicts = {c for classes, _ in d.cells for c in classes if c.startswith("v-")}
    for want in ("v-PASS", "v-FAIL"):
        if want not in verdicts:
            problems.append(f"no cell of class {want}")
    known_cells = [text for classes, text in d.cells if "known" in classes]
    if not any(known in text for text in known_cells):
        problems.append(f"no known-divergence cell says {known!r}: {known_cells}")
    if want_unexpected and not any("unexpected" in classes for classes, _ in d.cells):
        problems.append("no cell marked unexpected")
    detail = "".join(d.detail)
    for want in details:
        if want not in detail:
            problems.append(f"the detail panel lacks {want!r}: {detail[:300]!r}")
    for p in problems:
        print("matrix DOM:", p)
    print(f"matrix DOM: {len(d.cells)} cells, classes {sorted(verdicts)}, "
          f"{len(known_cells)} known divergence(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
