#!/usr/bin/env python3
"""Reads junit.xml with python3-junitparser, an independent JUnit consumer, and checks it
for tests/report/every_verdict.sh's run (each test's name ends with its verdict):

- one <testsuite> per area (the test name's first part), each test in its own area's suite,
  with the timestamp, hostname and time the viewers show, and counts that agree with its
  test cases as junitparser reads them;
- each verdict as the viewers expect it: PASS and FLAKY passed, FAIL and TIMEOUT a
  <failure> of that type, BROKEN an <error>, UNSUPPORTED <skipped>;
- the claims in each test case's <system-out>;
- the allowed elements (the Jenkins xUnit plugin's junit-10.xsd): inside <testcase> only
  skipped, error, failure, rerunFailure, rerunError, flakyFailure, flakyError, system-out,
  system-err; a flaky test's failed attempt as <flakyFailure>, a retried failure's reruns as
  <rerunFailure>, each with its type.

usage: check_junit.py junit.xml
"""
import re
import sys
import xml.etree.ElementTree as ET

from junitparser import Error, Failure, JUnitXml, Skipped

TESTCASE_CHILDREN = {"skipped", "error", "failure", "rerunFailure", "rerunError",
                     "flakyFailure", "flakyError", "system-out", "system-err"}
RERUN_CHILDREN = {"stackTrace", "system-out", "system-err"}
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
SECONDS = re.compile(r"^\d+(\.\d+)?$")


def main(path):
    problems = []
    xml = JUnitXml.fromfile(path)
    areas, verdicts = set(), set()
    for suite in xml:
        if suite.name in areas:
            problems.append(f"two suites named {suite.name}")
        areas.add(suite.name)
        for attr in ("timestamp", "hostname", "time"):
            if not suite._elem.get(attr):
                problems.append(f"suite {suite.name}: no {attr}")
        if not TIMESTAMP.match(suite._elem.get("timestamp", "")):
            problems.append(f"suite {suite.name}: timestamp {suite._elem.get('timestamp')}")
        if not SECONDS.match(suite._elem.get("time", "")):
            problems.append(f"suite {suite.name}: time {suite._elem.get('time')}")
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for case in suite:
            counts["tests"] += 1
            area, _, last = case.name.rpartition("/")
            verdict = last.upper()
            verdicts.add(verdict)
            if area != suite.name:
                problems.append(f"{case.name} in suite {suite.name}")
            kinds = [type(r) for r in case.result]
            types = [r.type for r in case.result]
            want = {"PASS": ([], []), "FLAKY": ([], []),
                    "FAIL": ([Failure], ["FAIL"]), "TIMEOUT": ([Failure], ["TIMEOUT"]),
                    "BROKEN": ([Error], [None]), "UNSUPPORTED": ([Skipped], [None])}.get(verdict)
            if want is None:
                problems.append(f"{case.name}: no verdict in its name")
            elif kinds != want[0] or (verdict in ("FAIL", "TIMEOUT") and types != want[1]):
                problems.append(f"{case.name}: results {kinds} {types}")
            counts["failures"] += kinds.count(Failure)
            counts["errors"] += kinds.count(Error)
            counts["skipped"] += kinds.count(Skipped)
            if not re.match(r"^claims: RPT-\d\d", case.system_out or ""):
                problems.append(f"{case.name}: no claims in system-out: {case.system_out!r}")
        for attr, n in counts.items():
            if suite._elem.get(attr) != str(n):
                problems.append(f"suite {suite.name}: {attr}={suite._elem.get(attr)}, its cases {n}")
    missing = {"PASS", "FLAKY", "FAIL", "TIMEOUT", "BROKEN", "UNSUPPORTED"} - verdicts
    if missing:
        problems.append(f"no test of verdict {sorted(missing)}")

    # The structure, element by element, as the schema allows it.
    root = ET.parse(path).getroot()
    if root.tag != "testsuites" or any(s.tag != "testsuite" for s in root):
        problems.append("the root is not <testsuites> of <testsuite>s")
    for case in root.iter("testcase"):
        name = case.get("name")
        tags = [c.tag for c in case]
        for tag in tags:
            if tag not in TESTCASE_CHILDREN:
                problems.append(f"{name}: <{tag}> inside <testcase>")
        for c in case:
            if c.tag.startswith(("rerun", "flaky")):
                if not c.get("type"):
                    problems.append(f"{name}: <{c.tag}> without a type")
                for g in c:
                    if g.tag not in RERUN_CHILDREN:
                        problems.append(f"{name}: <{g.tag}> inside <{c.tag}>")
        verdict = name.rpartition("/")[2].upper()
        if verdict == "FLAKY" and tags.count("flakyFailure") != 1:
            problems.append(f"{name}: {tags}, not one flakyFailure for its failed attempt")
        if verdict in ("FAIL", "TIMEOUT") and tags.count("rerunFailure") != 1:
            problems.append(f"{name}: {tags}, not one rerunFailure for its retry")

    for p in problems:
        print(f"check_junit: {p}")
    print(f"check_junit: {len(areas)} suites: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
