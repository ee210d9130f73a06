#!/usr/bin/python3
"""Validates JSON Lines against Byline's JSON Schemas (docs/schema/).

Usage: validate_json.py SCHEMA_DIR FILE...   Each line of each FILE must be valid against the
schema its shape names: an "error" object, a document view ("body"), a health object
("status"), an extraction line ("entities"), or a search response. Also imported by the server
tests (schema_for, load_schemas).
Exits 1 naming the file, line and problem on the first invalid line.
"""
import json
import pathlib
import sys

import jsonschema


SCHEMAS = ("search-response", "error", "extraction", "document", "health")


def load_schemas(schema_dir):
    schema_dir = pathlib.Path(schema_dir)
    return {name: json.loads((schema_dir / f"{name}.schema.json").read_text())
            for name in SCHEMAS}


def schema_for(document):
    """The name of the schema a JSON object's shape says it follows."""
    if "error" in document:
        return "error"
    if "body" in document:
        return "document"
    if "status" in document:
        return "health"
    if "entities" in document:
        return "extraction"
    return "search-response"


def check(document, schemas):
    """Raises jsonschema.ValidationError if the document does not follow its schema."""
    jsonschema.validate(document, schemas[schema_for(document)],
                        cls=jsonschema.Draft202012Validator)


def main():
    schemas = load_schemas(sys.argv[1])
    checked = 0
    for path in sys.argv[2:]:
        for number, line in enumerate(pathlib.Path(path).read_text().splitlines(), 1):
            if not line.strip():
                continue
            document = json.loads(line)
            name = schema_for(document)
            try:
                check(document, schemas)
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
