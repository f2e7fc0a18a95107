"""Write docs/match.schema.json: the JSON Schema of match.json, from tailor.models.report.MatchReport.

Run: python docs/build_match_schema.py   (a test fails when the published file is out of date)
"""

from __future__ import annotations

import json
from pathlib import Path

from tailor.models.report import MatchReport

SCHEMA = Path(__file__).resolve().parent / "match.schema.json"


def schema_text() -> str:
    return json.dumps(MatchReport.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA}")
