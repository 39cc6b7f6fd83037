"""Queries each benchmarked page makes when rendered fresh (page cache off), as JSON.

python -m bench.queries /path ...  (run by bench/run.py with the benchmark's environment)
"""

import json
import os
import sys
from pathlib import Path

import django


def main(argv=None):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DJANGO_PAGE_CACHE"] = "false"
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for path in argv or sys.argv[1:]:
        client.get(path)  # the shared counts of this version are made once per worker
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path).status_code
        counts[path] = {"status": status, "queries": len(queries.captured_queries)}
    print("QUERIES_JSON " + json.dumps(counts))


if __name__ == "__main__":
    main()
