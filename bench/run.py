"""`make bench [DB=postgres]`: seed a province-scale database, serve it with gunicorn and the
production settings on loopback, load every public page with wrk at 1, 16 and 64 connections,
and report requests per second, latency percentiles, errors and the ratio to /healthz.

    .venv/bin/python -m bench.run [--db sqlite|postgres] [--duration 5] [--reseed]

Everything it creates lives in var/bench/<db>/ (SQLite file, media, static, logs) or in the
PostgreSQL database halloffame_bench; results go to bench-results/ (git-ignored).
"""

import argparse
import html.parser
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urljoin

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
RESULTS = ROOT / "bench-results"
LUA = BENCH / "report.lua"
SEED_VERSION = 2  # bump when bench/seed.py changes what it writes
PG_URL = "postgres://postgres@127.0.0.1:5432/halloffame_bench"
ACCEPT_ENCODING = "br, gzip"
# At 16 connections: share of /healthz throughput each page must reach, p95 ceiling, errors.
TARGET_RATIO = {"search": 0.25}
TARGET_RATIO_DEFAULT = 0.5
TARGET_P95_MS = 50
TARGET_CONNECTIONS = 16
PAGE_WEIGHT_LIMIT = 300 * 1024


def endpoints(sample: dict) -> list[tuple[str, str]]:
    return [
        ("healthz", "/healthz"),
        ("home", "/"),
        ("honorees", "/honorees/"),
        ("filtered", "/honorees/?district=ko-samui&kind=person"),
        ("search", "/honorees/?q=" + quote("สม")),
        ("profile", sample["profile_url"]),
        ("meeting", sample["meeting_url"]),
        ("districts", "/districts/"),
        ("statistics", "/statistics/"),
        ("api", "/api/v1/honorees/"),
        ("sitemap", "/sitemap.xml"),
    ]


LOAD_AT_START = [round(x, 2) for x in os.getloadavg()]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default=os.environ.get("DB") or "sqlite")
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement (default 5)")
    parser.add_argument("--connections", default="1,16,64")
    parser.add_argument("--port", type=int, default=8801)
    parser.add_argument("--only", help="comma-separated endpoint names (healthz is always measured)")
    parser.add_argument("--reseed", action="store_true", help="drop the benchmark database and seed it again")
    parser.add_argument(
        "--cache",
        choices=["auto", "redis", "locmem"],
        default=os.environ.get("BENCH_CACHE", "auto"),
        help="page cache: Redis (REDIS_URL, else 127.0.0.1:6379 if it answers) or per-worker memory",
    )
    args = parser.parse_args(argv)
    connections = [int(c) for c in args.connections.split(",")]

    wrk = ensure_wrk()
    var = ROOT / "var" / "bench" / args.db
    var.mkdir(parents=True, exist_ok=True)
    env = server_env(args, var)
    print(f"== benchmark: {args.db}, cache {env.get('REDIS_URL') or 'local memory per worker'}, data in {var}")

    prepare_database(args, env, var)
    sample = json.loads(manage(env, "-m", "bench.seed", "--describe", capture=True).strip().splitlines()[-1])
    print(
        f"   {sample['public_honorees']:,} public honorees ({sample['public_with_photo']:,} with photos), "
        f"{sample['meetings']:,} meetings"
    )
    if sample["public_honorees"] < 20000 or sample["meetings"] < 1000:
        sys.exit("The benchmark database is smaller than the province scale; run again with --reseed.")
    manage(env, "manage.py", "collectstatic", "--noinput", "-v0")

    base = f"http://127.0.0.1:{args.port}"
    urls = endpoints(sample)
    if args.only:
        urls = [(name, path) for name, path in urls if name == "healthz" or name in args.only.split(",")]
    server = start_gunicorn(env, var, args.port)
    try:
        try:
            static = check_static(base)
            static["conditional_get"] = check_conditional(base)
            weight = page_weight(base)
        except urllib.error.HTTPError as error:
            sys.exit(f"{error.url} answered {error.code}; see {var / 'gunicorn.log'}")
        print(f"   home page first load without photos: {weight['total_bytes'] / 1024:.1f} KB (limit 300 KB)")
        print("   warming the page cache ...")
        clients = max(4, server.workers * int(env.get("GUNICORN_THREADS", "2")))
        warm = {name: warm_up(base + path, clients) for name, path in urls if name != "healthz"}
        rows = []
        for conns in connections:
            healthz_rps = None
            for name, path in urls:
                result = run_wrk(wrk, base + path, conns, args.duration)
                if name == "healthz":
                    healthz_rps = result["rps"]
                result.update(endpoint=name, path=path, connections=conns)
                result["ratio"] = round(result["rps"] / healthz_rps, 3) if healthz_rps else None
                rows.append(result)
                print("   " + format_row(result))
    finally:
        stop_gunicorn(server)

    report = {
        "meta": meta(args, env, sample, server.workers, warm),
        "static": static,
        "page_weight": weight,
        "results": rows,
        "targets": check_targets(rows, weight),
    }
    write_results(report)


# --- environment and database ------------------------------------------------------------


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("   installing wrk (Debian package) ...")
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False)
        wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk is not installed. Install it with `sudo apt-get install wrk` (Debian/Ubuntu) and run again.")
    return wrk


def redis_answers(url: str) -> bool:
    host, _, port = url.split("//", 1)[1].split("/", 1)[0].rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port or 6379)), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except (OSError, ValueError):
        return False


def server_env(args, var: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="halloffame.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",  # plain http on loopback
        HALLOFFAME_VAR_DIR=str(var),
        SITE_URL=f"http://127.0.0.1:{args.port}",
        PORT=str(args.port),
        GUNICORN_BIND=f"127.0.0.1:{args.port}",
        GUNICORN_ACCESSLOG=str(var / "access.log"),
        PYTHONPATH=str(ROOT),
    )
    if args.db == "postgres":
        env["DATABASE_URL"] = PG_URL
    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
    if args.cache == "redis" or (args.cache == "auto" and redis_answers(redis_url)):
        env["REDIS_URL"] = redis_url
    return env


def manage(env, *argv, capture=False):
    result = subprocess.run([sys.executable, *argv], cwd=ROOT, env=env, check=False, text=True, capture_output=capture)
    if result.returncode:
        sys.exit(f"failed: {' '.join(argv)}\n{result.stdout or ''}{result.stderr or ''}")
    return result.stdout


def prepare_database(args, env, var: Path):
    marker = var / "seeded.json"
    wanted = {"seed_version": SEED_VERSION, "db": args.db}
    seeded = marker.exists() and json.loads(marker.read_text()) == wanted and not args.reseed
    if not seeded:
        marker.unlink(missing_ok=True)
        if args.db == "postgres":
            recreate_postgres()
        else:
            for path in var.glob("db.sqlite3*"):
                path.unlink()
    manage(env, "manage.py", "migrate", "--noinput", "-v0")
    if not seeded:
        print("   seeding (bulk) ...")
        print("   " + manage(env, "-m", "bench.seed", capture=True).strip())
        marker.write_text(json.dumps(wanted))


def recreate_postgres():
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS halloffame_bench WITH (FORCE)")
        conn.execute("CREATE DATABASE halloffame_bench")


# --- gunicorn --------------------------------------------------------------------------------


class Server:
    def __init__(self, process, workers):
        self.process = process
        self.workers = workers


def start_gunicorn(env, var: Path, port: int) -> Server:
    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", port)) == 0:
            sys.exit(f"Port {port} is already in use; stop what runs there or pass --port.")
    (var / "access.log").unlink(missing_ok=True)
    log = open(var / "gunicorn.log", "w")  # noqa: SIM115 - kept open for the server's lifetime
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped at start; see {var / 'gunicorn.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                if response.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    else:
        stop_gunicorn(Server(process, 0))
        sys.exit(f"gunicorn did not answer /healthz within 60 s; see {var / 'gunicorn.log'}")
    time.sleep(1)  # every worker booted
    workers = len(child_pids(process.pid))
    import multiprocessing

    threads = int(env.get("GUNICORN_THREADS", "2"))
    print(
        f"   gunicorn pid {process.pid} on 127.0.0.1:{port}: {workers} workers x {threads} threads, "
        f"{multiprocessing.cpu_count()} CPUs"
    )
    return Server(process, workers)


def child_pids(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def stop_gunicorn(server: Server):
    process = server.process
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=25)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# --- wrk -------------------------------------------------------------------------------------


def wrk_json(wrk, url, *, connections, duration, timeout="5s"):
    threads = max(1, min(2, connections))
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", f"--timeout={timeout}", "--latency"]
    command += ["-s", str(LUA), "-H", f"Accept-Encoding: {ACCEPT_ENCODING}", url]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    line = next((line for line in output.splitlines() if line.startswith("WRK_JSON ")), None)
    if line is None:
        sys.exit(f"wrk gave no result for {url}:\n{output}")
    return json.loads(line[len("WRK_JSON ") :])


def warm_up(url, clients, budget=300, streak=40) -> dict:
    """Request the page from parallel clients, each request on a new connection so that every
    gunicorn worker gets its share, until `streak` answers in a row come from the cache."""
    import threading

    state = {"streak": 0, "misses": 0, "requests": 0, "errors": 0}
    lock = threading.Lock()
    done = threading.Event()
    started = time.monotonic()

    def client():
        while not done.is_set() and time.monotonic() - started < budget:
            try:
                _status, headers, _body = fetch(url, timeout=120)
            except (urllib.error.URLError, OSError):
                with lock:
                    state["errors"] += 1
                continue
            with lock:
                state["requests"] += 1
                if headers.get("X-Page-Cache") == "hit":
                    state["streak"] += 1
                else:
                    state["streak"] = 0
                    state["misses"] += 1
                if state["streak"] >= streak:
                    done.set()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "warm": done.is_set(),
        "seconds": round(time.monotonic() - started, 1),
        **{key: state[key] for key in ("requests", "misses", "errors")},
    }


def run_wrk(wrk, url, connections, duration) -> dict:
    data = wrk_json(wrk, url, connections=connections, duration=duration)
    seconds = data["duration_us"] / 1e6
    latency = data["latency_us"]
    errors = sum(data["errors"].values()) - data["errors"]["status"] + data["non2xx"]
    return {
        "rps": round(data["requests"] / seconds, 1),
        "requests": data["requests"],
        "p50_ms": round(latency["p50"] / 1000, 2),
        "p95_ms": round(latency["p95"] / 1000, 2),
        "p99_ms": round(latency["p99"] / 1000, 2),
        "max_ms": round(latency["max"] / 1000, 2),
        "errors": errors,
        "error_detail": {**data["errors"], "non2xx": data["non2xx"]},
        "cache_misses": data["cache_misses"],
        "kb_per_response": round(data["bytes"] / max(1, data["requests"]) / 1024, 1),
    }


# --- static files and page weight -------------------------------------------------------------


class _Assets(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (
            tag == "link"
            and attrs.get("href")
            and set(attrs.get("rel", "").split()) & {"stylesheet", "preload", "icon"}
        ):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "img" and attrs.get("src", "").startswith("/static/"):
            self.urls.append(attrs["src"])


def fetch(url, encoding=ACCEPT_ENCODING, method="GET", timeout=30):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding}, method=method)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, dict(response.headers), response.read()


def decode(headers, body) -> bytes:
    encoding = headers.get("Content-Encoding", "")
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    if encoding == "gzip":
        import gzip

        return gzip.decompress(body)
    return body


def page_weight(base) -> dict:
    """The home page's first load without photos: HTML, CSS, JS and fonts, as sent (compressed)."""
    _status, headers, body = fetch(base + "/")
    files = {"/": len(body)}
    parser = _Assets()
    parser.feed(decode(headers, body).decode())
    queue = [urljoin(base + "/", url) for url in parser.urls if "/media/" not in url]
    seen = set()
    while queue:
        url = queue.pop(0)
        if url in seen or not url.startswith(base):
            continue
        seen.add(url)
        _status, headers, body = fetch(url)
        files[url[len(base) :]] = len(body)
        if url.split("?")[0].endswith(".css"):
            css = decode(headers, body).decode()
            for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css):
                if not ref.startswith("data:"):
                    queue.append(urljoin(url, ref))
    return {"total_bytes": sum(files.values()), "limit_bytes": PAGE_WEIGHT_LIMIT, "files": files}


def check_conditional(base) -> dict:
    """A revalidation of the home page with its ETag is answered 304 Not Modified."""
    _status, headers, _body = fetch(base + "/")
    request = urllib.request.Request(
        base + "/", headers={"Accept-Encoding": ACCEPT_ENCODING, "If-None-Match": headers.get("ETag", "")}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return {"etag": headers.get("ETag"), "revalidation_status": status}


def check_static(base) -> dict:
    """Hashed names, Brotli and gzip variants, and long cache lifetimes for a static file."""
    _status, headers, body = fetch(base + "/")
    parser = _Assets()
    parser.feed(decode(headers, body).decode())
    css = next((url for url in parser.urls if url.endswith(".css")), None)
    if css is None:
        return {"checked": False}
    result = {"url": css, "hashed": bool(re.search(r"\.[0-9a-f]{12}\.css$", css))}
    for encoding in ("br", "gzip", "identity"):
        _status, headers, body = fetch(base + css, encoding=encoding)
        result[encoding] = {
            "content_encoding": headers.get("Content-Encoding", ""),
            "cache_control": headers.get("Cache-Control", ""),
            "bytes": len(body),
        }
    return result


# --- results ---------------------------------------------------------------------------------


def check_targets(rows, weight) -> dict:
    failures = []
    for row in rows:
        if row["connections"] != TARGET_CONNECTIONS or row["endpoint"] == "healthz":
            continue
        ratio = TARGET_RATIO.get(row["endpoint"], TARGET_RATIO_DEFAULT)
        if row["ratio"] is None or row["ratio"] < ratio:
            failures.append(f"{row['endpoint']}: {row['ratio']}x /healthz < {ratio}x")
        if row["p95_ms"] > TARGET_P95_MS:
            failures.append(f"{row['endpoint']}: p95 {row['p95_ms']} ms > {TARGET_P95_MS} ms")
    for row in rows:
        if row["errors"]:
            failures.append(f"{row['endpoint']} @{row['connections']}: {row['errors']} errors")
    if weight["total_bytes"] > weight["limit_bytes"]:
        failures.append(f"home page first load {weight['total_bytes']} bytes > {weight['limit_bytes']}")
    return {"met": not failures, "failures": failures}


def meta(args, env, sample, workers, warm) -> dict:
    def git(*argv):
        return subprocess.run(["git", *argv], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "db": args.db,
        "cache": "redis" if env.get("REDIS_URL") else "locmem (per worker)",
        "commit": git("rev-parse", "--short", "HEAD") + ("+uncommitted" if git("status", "--porcelain") else ""),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "gunicorn_workers": workers,
        "gunicorn_threads": int(env.get("GUNICORN_THREADS", "2")),
        "duration_s": args.duration,
        "accept_encoding": ACCEPT_ENCODING,
        "data": sample,
        "warm_up": warm,
        "load_average_at_start": LOAD_AT_START,
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
    }


def format_row(row) -> str:
    return (
        f"{row['endpoint']:<10} c={row['connections']:<3} {row['rps']:>9.1f} req/s  x{row['ratio'] or 0:<6.3f} "
        f"p50 {row['p50_ms']:>7.2f} ms  p95 {row['p95_ms']:>7.2f} ms  p99 {row['p99_ms']:>7.2f} ms  "
        f"errors {row['errors']}"
    )


def markdown(report) -> str:
    m = report["meta"]
    lines = [
        f"Benchmark {m['date']} (commit {m['commit']}): {m['db']}, page cache {m['cache']}, "
        f"gunicorn {m['gunicorn_workers']} workers x {m['gunicorn_threads']} threads on {m['cpus']} CPUs ({m['cpu']}); "
        f"{m['data']['public_honorees']:,} public honorees with photos, {m['data']['meetings']:,} meetings; "
        f"wrk {m['duration_s']} s per row, `Accept-Encoding: {m['accept_encoding']}`, cache warm before measuring; "
        f"load average {m['load_average_at_start'][0]} at the start, {m['load_average_at_end'][0]} at the end "
        "(anything else running on the machine shows here).",
        "",
        "| Endpoint | Path | Conns | req/s | × /healthz | p50 ms | p95 ms | p99 ms | Errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in report["results"]:
        lines.append(
            f"| {row['endpoint']} | `{row['path']}` | {row['connections']} | {row['rps']:,.0f} | "
            f"{row['ratio']:.2f} | {row['p50_ms']:.2f} | {row['p95_ms']:.2f} | {row['p99_ms']:.2f} | {row['errors']} |"
        )
    weight = report["page_weight"]
    lines += [
        "",
        f"Home page first load without photos (HTML + CSS + JS + fonts, compressed as sent): "
        f"{weight['total_bytes'] / 1024:.1f} KB of {weight['limit_bytes'] // 1024} KB.",
    ]
    static = report["static"]
    if static.get("checked", True):
        lines.append(
            f"Static `{static['url']}`: hashed {static['hashed']}, Brotli `{static['br']['content_encoding']}` "
            f"{static['br']['bytes']} B, gzip `{static['gzip']['content_encoding']}` {static['gzip']['bytes']} B, "
            f"plain {static['identity']['bytes']} B, `Cache-Control: {static['br']['cache_control']}`. "
            f"Home page revalidated with its ETag: {static['conditional_get']['revalidation_status']}."
        )
    targets = report["targets"]
    lines.append(
        "Targets at 16 connections (≥ 0.5× /healthz, search ≥ 0.25×, p95 ≤ 50 ms, no errors): "
        + ("met." if targets["met"] else "NOT met: " + "; ".join(targets["failures"]))
    )
    return "\n".join(lines) + "\n"


def write_results(report):
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    db = report["meta"]["db"]
    text = markdown(report)
    for name in (f"bench-{db}-{stamp}", f"latest-{db}"):
        (RESULTS / f"{name}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
        (RESULTS / f"{name}.md").write_text(text)
    print()
    print(text)
    print(f"Results: {RESULTS / f'bench-{db}-{stamp}.json'} and .md (also latest-{db}.md)")
    if not report["targets"]["met"]:
        print("Targets not met: " + "; ".join(report["targets"]["failures"]))


if __name__ == "__main__":
    main()
