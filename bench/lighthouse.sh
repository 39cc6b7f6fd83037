#!/usr/bin/env bash
# Lighthouse 12.2.3 (mobile) on the page types a visitor lands on: home, the honoree list, a
# profile, the districts map and a meeting. Each page is audited twice:
#   - Lighthouse's standard mobile run (simulated slow 4G and CPU, as PageSpeed Insights does):
#     the four category scores and its Cumulative Layout Shift;
#   - a run with the network really slowed (--throttling-method=devtools), so that the fonts
#     arrive late, after the first paint: its CLS ("CLS late fonts") and performance score.
# Exits 1 if a standard score is under 95 or either CLS is over 0.02.
#
#   bench/lighthouse.sh                 # starts `make run` on PORT (8010), stops it afterwards
#   bench/lighthouse.sh http://host:p   # or audits a site that is already running
#
# Reports: var/lighthouse/reports/<page>.json and <page>-late-fonts.json.
set -euo pipefail
cd "$(dirname "$0")/.."

LH_VERSION=12.2.3
LH_DIR=var/lighthouse
REPORTS=$LH_DIR/reports
PORT=${PORT:-8010}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
  npm i -E --no-audit --no-fund --prefix "$LH_DIR" "lighthouse@$LH_VERSION"
fi
mkdir -p "$REPORTS"

BASE=${1:-http://127.0.0.1:$PORT}
BASE=${BASE%/}
if ! curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null; then
  if [ -n "${1:-}" ]; then
    echo "No site answers at $BASE" >&2
    exit 2
  fi
  echo "Starting make run on port $PORT (the first run installs and loads the demo data: a few minutes)"
  setsid make run PORT="$PORT" >"$LH_DIR/run.log" 2>&1 &
  SERVER=$!
  trap 'kill -- "-$SERVER" 2>/dev/null || true' EXIT
  for _ in $(seq 600); do
    curl -fsS -o /dev/null "$BASE/healthz" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || { echo "make run stopped; see $LH_DIR/run.log" >&2; exit 2; }
    sleep 1
  done
fi

first_link() {  # the first link under $2 on page $1
  curl -fsS "$BASE$1" | grep -o "href=\"$2[a-z0-9-]*/\"" | head -1 | cut -d'"' -f2
}
PROFILE=$(first_link /honorees/ /honorees/)
MEETING=$(first_link /meetings/ /meetings/)
if [ -z "$PROFILE" ] || [ -z "$MEETING" ]; then
  echo "No public honoree or meeting to audit at $BASE (load the demo data)" >&2
  exit 2
fi

audit() {  # path, throttling method, report name
  "$LH_DIR/node_modules/.bin/lighthouse" "$BASE$1" --quiet \
    --form-factor=mobile --throttling-method="$2" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --output=json --output-path="$REPORTS/$3.json"
}
PAGES=(home=/ list=/honorees/ "profile=$PROFILE" districts=/districts/ "meeting=$MEETING")
for entry in "${PAGES[@]}"; do
  name=${entry%%=*}
  audit "${entry#*=}" simulate "$name"
  audit "${entry#*=}" devtools "$name-late-fonts"
done

node - "$REPORTS" "${PAGES[@]}" <<'JS'
const [reports, ...pages] = process.argv.slice(2);
const fs = require("fs");
const categories = ["performance", "accessibility", "best-practices", "seo"];
const read = (name) => JSON.parse(fs.readFileSync(`${reports}/${name}.json`, "utf8"));
const cls = (report) => report.audits["cumulative-layout-shift"].numericValue;
let failed = false;
console.log("page        perf  a11y  best   seo     CLS  CLS late fonts  perf late fonts  path");
for (const entry of pages) {
  const [name, path] = entry.split("=");
  const standard = read(name);
  const late = read(`${name}-late-fonts`);
  const scores = categories.map((c) => Math.round(standard.categories[c].score * 100));
  failed ||= scores.some((s) => s < 95) || cls(standard) > 0.02 || cls(late) > 0.02;
  const latePerf = Math.round(late.categories.performance.score * 100);
  console.log(
    [name.padEnd(10), ...scores.map((s) => String(s).padStart(4)), cls(standard).toFixed(3).padStart(6),
     cls(late).toFixed(3).padStart(14), String(latePerf).padStart(15), " " + path].join("  ")
  );
}
console.log(failed ? "FAIL: a score under 95 or a CLS over 0.02" : "OK: every score 95 or more, every CLS 0.02 or less");
process.exit(failed ? 1 : 0);
JS
