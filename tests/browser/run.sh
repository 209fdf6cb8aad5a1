#!/usr/bin/env bash
# The tablet remote against a real friche in a real browser: starts the viewer
# under Xvfb on Droixhe's workshop tour, with a temporary session and the
# remote on a free port of the loopback behind a PIN, waits for the port, runs
# tests/browser/remote_page.mjs on it, and stops friche.
#
#   npm install --prefix build-tools/browser puppeteer-core@24.43.1
#   tests/browser/run.sh [FRICHE]          # default: build/friche
#
# Needs xvfb-run (Debian: xvfb), node and Debian's chromium. On failure, the
# viewer's log is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."

friche=${1:-build/friche}
pin=2468
# Startup under Xvfb's software GL loads the whole site: give it time.
wait_seconds=60

work=$(mktemp -d)
# A port nothing listens on now (the kernel's choice, released at once).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

viewer=
stop() {
  if [ -n "$viewer" ] && kill -0 "$viewer" 2>/dev/null; then
    kill "$(cat "$work/friche.pid" 2>/dev/null || echo "$viewer")" 2>/dev/null || true
    wait "$viewer" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

# friche's own pid is written from inside xvfb-run, so that stopping it lets
# xvfb-run take its X server down after it.
xvfb-run -a sh -c 'echo $$ > "$1"; shift; exec "$@"' sh "$work/friche.pid" \
  "$friche" scenes/droixhe.json --tour atelier --session "$work/session.friche" \
  --remote "127.0.0.1:$port" --remote-pin "$pin" >"$work/friche.log" 2>&1 &
viewer=$!

for ((i = 0; i < wait_seconds * 10; i++)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  if ! kill -0 "$viewer" 2>/dev/null; then
    echo "friche ended before its remote listened:" >&2
    cat "$work/friche.log" >&2
    exit 1
  fi
  sleep 0.1
done

if ! node tests/browser/remote_page.mjs "http://127.0.0.1:$port/" "$pin"; then
  echo "--- friche's log" >&2
  cat "$work/friche.log" >&2
  exit 1
fi
