#!/usr/bin/env python3
"""Validates JSON files against one of procsync's published JSON Schemas (docs/schema/)
with python3-jsonschema, the schemas' cross-references resolved among themselves.

usage: validate_json.py SCHEMA_DIR SCHEMA_FILE [--every-verdict] FILE...

A FILE that is a directory stands for every *.json under it; "-" reads standard input.

--every-verdict: the files are conformance reports of tests/report/every_verdict.sh's run,
which must hold every verdict, each test's the last part of its name.
"""
import json
import pathlib
import sys
import warnings

import jsonschema

# Newer jsonschema releases deprecate RefResolver; Debian 12's (4.10) has nothing else.
warnings.simplefilter("ignore", DeprecationWarning)

VERDICTS = {"PASS", "FLAKY", "FAIL", "TIMEOUT", "BROKEN", "UNSUPPORTED"}


def validator(schema_dir, name):
    store = {}
    for path in pathlib.Path(schema_dir).glob("*.schema.json"):
        schema = json.loads(path.read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        store[schema["$id"]] = schema
    schema = store[name]
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def every_verdict_problems(report):
    problems = []
    seen = {t["verdict"] for t in report["tests"]}
    if seen != VERDICTS:
        problems.append(f"verdicts {sorted(seen)}, not {sorted(VERDICTS)}")
    for t in report["tests"]:
        wanted = t["name"].rsplit("/", 1)[-1].upper()
        if t["verdict"] != wanted:
            problems.append(f"{t['name']}: {t['verdict']}, not {wanted}")
        kinds = [a["verdict"] for a in t["attempts"]]
        if t["verdict"] == "FLAKY" and (len(kinds) < 2 or kinds[0] == "PASS" or kinds[-1] != "PASS"):
            problems.append(f"{t['name']}: FLAKY with attempts {kinds}")
        if t["verdict"] in ("FAIL", "TIMEOUT") and len(kinds) != 2:
            problems.append(f"{t['name']}: retried once, yet attempts {kinds}")
    return problems


def main(argv):
    if len(argv) < 4:
        print(__doc__)
        return 2
    check = validator(argv[1], argv[2])
    every_verdict = argv[3] == "--every-verdict"
    files = []
    for name in argv[4:] if every_verdict else argv[3:]:
        path = pathlib.Path(name)
        files += sorted(map(str, path.rglob("*.json"))) if path.is_dir() else [name]
    if not files:
        print("validate_json: no files")
        return 1
    failed = 0
    for name in files:
        document = json.load(sys.stdin) if name == "-" else json.loads(pathlib.Path(name).read_text())
        problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                    for e in check.iter_errors(document)]
        if every_verdict and not problems:
            problems += every_verdict_problems(document)
        for p in problems[:20]:
            print(f"{name}: {p}")
        failed += bool(problems)
    print(f"validate_json: {len(files) - failed} of {len(files)} valid against {argv[2]}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
