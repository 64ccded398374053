#!/usr/bin/env bash
# The MongoDB suites: the store contract suites on the MongoDB adapter and the whole server
# suite, with MONGODB_URI set (`npm run test:mongo`).
#
# With MONGODB_URI given, they run on that server and nothing is skipped. Without it, they run
# on the MongoDB-wire stand-in (../shared/mongo-standin beside the project, or
# MONGO_STANDIN_DIR), started here on a free 127.0.0.1 port with MONGODB_STANDIN=1 and stopped
# here whatever happens; tests that need what the stand-in lacks are skipped and listed.
# Prints the pass counts and the skips; exits non-zero on any failure. Extra arguments go to
# vitest (e.g. a path to run one file).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/polisee-mongo-tests.XXXXXX")"
PIDFILE="$WORK/standin.pid"

cleanup() {
  local code=$?
  if [ -f "$PIDFILE" ]; then
    if [ "$code" -ne 0 ] && [ -s "$WORK/standin.log" ]; then
      echo "--- the stand-in's last messages (without index warnings and stack frames) ---"
      grep -v -e 'is not yet implemented' -e '^[[:space:]]*at ' -e '^[[:space:]]*\.\.\. [0-9]* more' \
        "$WORK/standin.log" | tail -n 20 || true
    fi
    bash "$STANDIN_DIR/stop.sh" "$PIDFILE" || true
  fi
  rm -rf "$WORK"
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "${MONGODB_URI:-}" ]; then
  echo "MongoDB suites on MONGODB_URI (a real server: nothing is skipped)"
  unset MONGODB_STANDIN
else
  STANDIN_DIR="${MONGO_STANDIN_DIR:-$ROOT/../shared/mongo-standin}"
  if [ ! -f "$STANDIN_DIR/start.sh" ]; then
    echo "mongo-tests: no stand-in at $STANDIN_DIR (set MONGO_STANDIN_DIR, or MONGODB_URI)" >&2
    exit 1
  fi
  # A free port can be taken between the probe and the start: try a few.
  for attempt in 1 2 3 4 5; do
    port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
    if bash "$STANDIN_DIR/start.sh" "$port" "$PIDFILE"; then break; fi
    if [ "$attempt" -eq 5 ]; then
      echo "mongo-tests: the stand-in did not start" >&2
      exit 1
    fi
  done
  # One connection per client: the stand-in is a test double, not built for concurrent load.
  export MONGODB_URI="mongodb://127.0.0.1:$port/?maxPoolSize=1"
  export MONGODB_STANDIN=1
  # Tests that freeze a MongoDB (storage outage) start a stand-in of their own from here.
  export MONGO_STANDIN_DIR="$STANDIN_DIR"
  echo "MongoDB suites on the stand-in at 127.0.0.1:$port (MONGODB_STANDIN=1)"
fi

started=$SECONDS
status=0
(cd "$ROOT/server" && npx vitest run --reporter=dot --reporter=json \
  --outputFile.json="$WORK/report.json" "$@") || status=$?
echo "MongoDB suites took $((SECONDS - started)) s"
# A whole run must have run MongoDB adapter tests; a run of chosen files need not.
node "$ROOT/scripts/mongo-tests-summary.mjs" "$WORK/report.json" $([ $# -gt 0 ] && echo --partial) ||
  status=1
exit "$status"
