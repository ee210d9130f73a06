#!/usr/bin/python3
"""Validates JSON Lines against Byline's JSON Schemas (docs/schema/).

Usage: validate_json.py SCHEMA_DIR FILE...   Each line of each FILE must be valid against the
schema its shape names: an "error" object, an extraction line ("entities"), or a search response.
Exits 1 naming the file, line and problem on the first invalid line.
"""
import json
import pathlib
import sys

import jsonschema


def main():
    schema_dir = pathlib.Path(sys.argv[1])
    schemas = {name: json.loads((schema_dir / f"{name}.schema.json").read_text())
               for name in ("search-response", "error", "extraction")}
    checked = 0
    for path in sys.argv[2:]:
        for number, line in enumerate(pathlib.Path(path).read_text().splitlines(), 1):
            if not line.strip():
                continue
            document = json.loads(line)
            name = ("error" if "error" in document else
                    "extraction" if "entities" in document else "search-response")
            try:
                jsonschema.validate(document, schemas[name],
                                    cls=jsonschema.Draft202012Validator)
            except jsonschema.ValidationError as e:
                print(f"{path}:{number}: not a valid {name}: {e.message} at "
                      f"{'/'.join(map(str, e.absolute_path))}", file=sys.stderr)
                return 1
            checked += 1
    if checked == 0:
        print("validate_json.py: nothing to validate", file=sys.stderr)
        return 1
    print(f"{checked} JSON documents valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
