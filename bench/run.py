"""`make bench [DB=postgres]`: seed a province-scale database through the product's own code,
serve it with gunicorn and the production settings on loopback, and load every public page type
with wrk: from the page cache, rendered fresh (cache off, 2 workers), and while a writer saves
drafts; then a mix of every page type alone, with drafts being saved 2 a second, and with an
honoree published every 10 s. One table: page type x {cached, uncached, with writers} x {req/s,
p50, p95, queries, bytes}, req/s as a ratio of /healthz in the same run; JSON beside it.

    .venv/bin/python -m bench.run [--db sqlite|postgres] [--duration 5] [--reseed]

Everything it creates lives in var/bench/<db>/ (SQLite file, media, static, logs) or in the
PostgreSQL database of BENCH_DATABASE_URL (default halloffame_bench, dropped and created);
results go to bench-results/ (git-ignored).
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
SEED_VERSION = 3  # bump when bench/seed.py changes what it writes
PG_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/halloffame_bench")
ACCEPT_ENCODING = "br, gzip"
# Targets (issue 16): cached pages at 16 connections reach half of /healthz; rendered fresh, a
# page's median for one request is at most 30 ms and 2 workers serve at least 150 req/s at 16
# connections with at most 10 queries; the mix with writers keeps 0.9x its throughput without
# them, p95 <= 50 ms and no errors.
TARGET_CACHED_RATIO = 0.5
TARGET_P95_MS = 50
TARGET_UNCACHED_P50_MS = 30
TARGET_UNCACHED_RPS = 150
TARGET_QUERIES = 10
TARGET_MIX_RATIO = 0.9
CONNECTIONS = 16
UNCACHED_WORKERS = 2
NOT_CACHED = {"healthz", "privacy"}  # no page cache: the framework's floor, and a form with a CSRF token
PAGE_WEIGHT_LIMIT = 300 * 1024


def endpoints(sample: dict) -> list[tuple[str, str]]:
    """Every public page type (healthz first: the framework's floor)."""
    return [
        ("healthz", "/healthz"),
        ("home", "/"),
        ("honorees", "/honorees/"),
        ("filtered", "/honorees/?district=ko-samui&kind=person"),
        ("search", "/honorees/?q=" + quote("สม")),
        ("page-40", "/honorees/?page=40"),
        ("profile", sample["profile_url"]),
        ("meeting", sample["meeting_url"]),
        ("meetings", "/meetings/"),
        ("districts", "/districts/"),
        ("district", "/districts/ko-samui/"),
        ("networks", "/networks/"),
        ("network", sample["network_url"]),
        ("feed", "/feeds/honorees/"),
        ("statistics", "/statistics/"),
        ("api", "/api/v1/honorees/"),
        ("sitemap", "/sitemap.xml"),
        ("sitemap-page", "/sitemap-honorees.xml?p=2"),
        ("privacy", "/privacy/"),
        ("en-home", "/en/"),
    ]


LOAD_AT_START = [round(x, 2) for x in os.getloadavg()]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default=os.environ.get("DB") or "sqlite")
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement (default 5)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8801")))
    parser.add_argument("--only", help="comma-separated endpoint names (healthz is always measured)")
    parser.add_argument("--reseed", action="store_true", help="drop the benchmark database and seed it again")
    parser.add_argument(
        "--cache",
        choices=["auto", "redis", "locmem"],
        default=os.environ.get("BENCH_CACHE", "auto"),
        help="page cache: Redis (REDIS_URL, else 127.0.0.1:6379/15 if it answers) or per-worker memory",
    )
    args = parser.parse_args(argv)

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
    pages = [path for name, path in urls if name != "healthz"]
    output = manage(env, "-m", "bench.queries", *pages, capture=True)
    queries = json.loads(next(line for line in output.splitlines() if line.startswith("QUERIES_JSON "))[13:])
    rows, mixes = [], []
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
        warm = {name: warm_up(base + path, clients) for name, path in urls if name not in NOT_CACHED}
        cached_workers = server.workers
        rows += measure(wrk, base, urls, "cached", CONNECTIONS, args.duration)
        with writer(env, var, "drafts"):
            rows += measure(wrk, base, urls, "writers", CONNECTIONS, args.duration)
        mix_paths = [path for name, path in urls if name not in NOT_CACHED]  # the mix: pages the cache serves
        mixes.append(run_mix(wrk, base, mix_paths, "alone", args.duration * 2))
        with writer(env, var, "drafts") as drafts:
            mixes.append(run_mix(wrk, base, mix_paths, "drafts 2/s", args.duration * 2))
        mixes[-1]["writes"] = drafts.writes()
        with writer(env, var, "publish") as publisher:
            mixes.append(run_mix(wrk, base, mix_paths, "publish 1/10 s", args.duration * 2))
        mixes[-1]["writes"] = publisher.writes()
    finally:
        stop_gunicorn(server)
    fresh_env = {**env, "DJANGO_PAGE_CACHE": "false", "WEB_CONCURRENCY": str(UNCACHED_WORKERS)}
    server = start_gunicorn(fresh_env, var, args.port)
    try:
        for _name, path in urls:  # each worker loads its templates and this version's shared counts
            for _ in range(4 * UNCACHED_WORKERS):
                fetch(base + path, timeout=120)
        rows += measure(wrk, base, urls, "uncached-1", 1, args.duration)
        rows += measure(wrk, base, urls, "uncached", CONNECTIONS, args.duration)
    finally:
        stop_gunicorn(server)
    for row in rows:
        row["queries"] = queries.get(row["path"], {}).get("queries")

    report = {
        "meta": meta(args, env, sample, cached_workers, warm),
        "static": static,
        "page_weight": weight,
        "results": rows,
        "mix": mixes,
        "targets": check_targets(rows, mixes, weight),
    }
    write_results(report)


def measure(wrk, base, urls, phase, connections, duration) -> list[dict]:
    rows, healthz_rps = [], None
    for name, path in urls:
        drain(base)
        result = run_wrk(wrk, base + path, connections, duration)
        if name == "healthz":
            healthz_rps = result["rps"]
        result.update(endpoint=name, path=path, connections=connections, phase=phase)
        result["ratio"] = round(result["rps"] / healthz_rps, 3) if healthz_rps else None
        rows.append(result)
        print(f"   {phase:<10} " + format_row(result))
    return rows


def drain(base, quiet_ms=500, budget=60):
    """Wait until the server has worked off what the previous run left queued (requests wrk gave
    up on are still served), so that one page's backlog is not measured as the next page's time."""
    deadline = time.monotonic() + budget
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            fetch(base + "/healthz", timeout=budget)
        except (urllib.error.URLError, OSError):
            pass
        if (time.monotonic() - started) * 1000 < quiet_ms:
            return


def run_mix(wrk, base, paths, label, duration) -> dict:
    drain(base)
    env = {**os.environ, "BENCH_PATHS": " ".join(paths), "BENCH_LUA_DIR": str(BENCH)}
    data = wrk_json(wrk, base + "/", connections=CONNECTIONS, duration=duration, script=BENCH / "mix.lua", env=env)
    result = summarise(data)
    result.update(label=label, pages=len(paths), connections=CONNECTIONS)
    print(
        f"   mix {label:<15} {result['rps']:>8.1f} req/s  p50 {result['p50_ms']:.2f} ms  "
        f"p95 {result['p95_ms']:.2f} ms  errors {result['errors']}  cache misses {result['cache_misses']}"
    )
    return result


class writer:
    """bench/writer.py in the background for the length of a `with` block."""

    def __init__(self, env, var: Path, mode: str):
        self.env, self.mode, self.log = env, mode, var / f"writer-{mode}.log"
        self.output = ""

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.writer", self.mode],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=open(self.log, "w"),  # noqa: SIM115 - closed with the process
            text=True,
        )
        time.sleep(2)  # Django set up, first write made
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.output, _ = self.process.communicate(timeout=30)
        if self.process.returncode not in (0, -signal.SIGTERM):
            sys.exit(f"the {self.mode} writer failed; see {self.log}")

    def writes(self):
        return int(re.search(r"(\d+) writes", self.output).group(1)) if "writes" in self.output else None


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
        # One load generator is one client: the API's per-client limit would answer it with 429s.
        DJANGO_API_REQUESTS_PER_MINUTE="100000000",
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
    if args.db == "postgres":
        vacuum_postgres()


def vacuum_postgres():
    """What autovacuum does on a production server (it is off on some machines): the planner's
    statistics, and the visibility map that lets a count read an index alone. Without it, a freshly
    seeded table answers every count from the heap."""
    import psycopg

    with psycopg.connect(PG_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")


def recreate_postgres():
    import psycopg

    server, name = PG_URL.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres".replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


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


def wrk_json(wrk, url, *, connections, duration, timeout="5s", script=LUA, env=None):
    threads = max(1, min(2, connections))
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", f"--timeout={timeout}", "--latency"]
    command += ["-s", str(script), "-H", f"Accept-Encoding: {ACCEPT_ENCODING}", url]
    if connections > 1:
        # A new connection per request, as nginx opens to its upstream by default. Kept alive,
        # wrk's connections are accepted by whichever worker wakes first and can all land on one:
        # such a run measures one worker (p50 and p95 alike, a fraction of the rate), the next not.
        command[-1:-1] = ["-H", "Connection: close"]
    output = subprocess.run(command, capture_output=True, text=True, check=False, env=env).stdout
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
    return summarise(wrk_json(wrk, url, connections=connections, duration=duration))


def summarise(data) -> dict:
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


def check_targets(rows, mixes, weight) -> dict:
    failures = []
    for row in rows:
        name, phase = row["endpoint"], row["phase"]
        if row["errors"]:
            failures.append(f"{name} {phase}: {row['errors']} errors")
        if name == "healthz":
            continue
        if phase == "cached" and name not in NOT_CACHED and (row["ratio"] or 0) < TARGET_CACHED_RATIO:
            failures.append(f"{name} cached: {row['ratio']}x /healthz < {TARGET_CACHED_RATIO}x")
        if phase in ("cached", "writers") and row["p95_ms"] > TARGET_P95_MS and name != "privacy":
            failures.append(f"{name} {phase}: p95 {row['p95_ms']} ms > {TARGET_P95_MS} ms")
        if phase == "uncached-1" and row["p50_ms"] > TARGET_UNCACHED_P50_MS:
            failures.append(f"{name} uncached: median {row['p50_ms']} ms > {TARGET_UNCACHED_P50_MS} ms")
        if phase == "uncached" and row["rps"] < TARGET_UNCACHED_RPS:
            failures.append(f"{name} uncached: {row['rps']} req/s < {TARGET_UNCACHED_RPS} on 2 workers")
        if phase == "uncached" and (row["queries"] or 0) > TARGET_QUERIES:
            failures.append(f"{name}: {row['queries']} queries > {TARGET_QUERIES}")
    alone = next((m for m in mixes if m["label"] == "alone"), None)
    for mix in mixes:
        if mix["errors"]:
            failures.append(f"mix {mix['label']}: {mix['errors']} errors")
        if mix["p95_ms"] > TARGET_P95_MS:
            failures.append(f"mix {mix['label']}: p95 {mix['p95_ms']} ms > {TARGET_P95_MS} ms")
        if alone and mix is not alone:
            mix["ratio_to_alone"] = round(mix["rps"] / alone["rps"], 3) if alone["rps"] else None
            if (mix["ratio_to_alone"] or 0) < TARGET_MIX_RATIO:
                failures.append(f"mix {mix['label']}: {mix['ratio_to_alone']}x the mix alone < {TARGET_MIX_RATIO}x")
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
        f"{m['cpus']} CPUs ({m['cpu']}); {m['data']['public_honorees']:,} public honorees with photos, "
        f"{m['data']['meetings']:,} meetings; wrk {m['duration_s']} s per cell, `Accept-Encoding: "
        f"{m['accept_encoding']}`; cached and with writers: gunicorn {m['gunicorn_workers']} workers x "
        f"{m['gunicorn_threads']} threads, cache warm, 16 connections (writers: a draft saved every 0.5 s); "
        f"uncached: page cache off, {UNCACHED_WORKERS} workers, 1 and 16 connections; at 16, a new connection "
        "per request, as nginx opens to its upstream; load average "
        f"{m['load_average_at_start'][0]} at the start, {m['load_average_at_end'][0]} at the end "
        "(anything else running on the machine shows here).",
        "",
        "req/s is given as a ratio of /healthz measured in the same phase; ms are p50 / p95; KB as sent "
        "(compressed); queries when rendered fresh.",
        "",
        "| Page | Path | cached ×hz | p50/p95 | with writers ×hz | p50/p95 | uncached ×hz (req/s) "
        "| p50/p95 | uncached 1 conn p50 | queries | KB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    cells = {(row["endpoint"], row["phase"]): row for row in report["results"]}
    names = list(dict.fromkeys(row["endpoint"] for row in report["results"]))
    for name in names:
        c, w, u, one = (cells.get((name, phase)) for phase in ("cached", "writers", "uncached", "uncached-1"))
        path = next(row["path"] for row in report["results"] if row["endpoint"] == name)

        def ratio(row):
            return f"{row['ratio']:.2f}" if row and row["ratio"] is not None else "–"

        def ms(row):
            return f"{row['p50_ms']:.1f} / {row['p95_ms']:.1f}" if row else "–"

        fresh = f"{ratio(u)} ({u['rps']:,.0f})" if u else "–"
        lines.append(
            f"| {name} | `{path}` | {ratio(c)} | {ms(c)} | {ratio(w)} | {ms(w)} | {fresh} | {ms(u)} | "
            f"{one['p50_ms'] if one else '–'} | {(u or c or {}).get('queries', '–')} | "
            f"{(c or u)['kb_per_response']} |"
        )
    lines += [
        "",
        "| Mix of every cached page type, 16 connections | req/s | × alone | p50 ms | p95 ms | errors | "
        "cache misses | writes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for mix in report["mix"]:
        lines.append(
            f"| {mix['label']} | {mix['rps']:,.0f} | {mix.get('ratio_to_alone', 1.0)} | {mix['p50_ms']:.1f} | "
            f"{mix['p95_ms']:.1f} | {mix['errors']} | {mix['cache_misses']} | {mix.get('writes', '–')} |"
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
    lines.append("Targets: " + ("met." if targets["met"] else "NOT met: " + "; ".join(targets["failures"])))
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
