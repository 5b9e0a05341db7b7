#!/usr/bin/env bash
# Fills a fresh Signalbox with demo traffic for the Usage and Requests screenshots: three fake
# OpenAI-compatible upstreams on free ports (one answers, one rate-limits or fails now and then,
# one sends no usage so Signalbox estimates), the routes in demo-usage.json, and MINUTES of
# requests from three access keys at a varying rate. Needs python3. Every process it starts is
# stopped when it ends (or on Ctrl+C).
#   usage: run-demo.sh DATA_DIR [MINUTES]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="$1"; minutes="${2:-10}"
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

python3 "$here/upstream.py" 0 0 0 > "$work/upstream.out" &
pids+=($!)
until grep -q PORTS "$work/upstream.out"; do sleep 0.2; done
read -r ok flaky nousage < <(awk '/PORTS/ {print $2, $3, $4}' "$work/upstream.out")
sed -e "s/PORT_OK/$ok/; s/PORT_FLAKY/$flaky/; s/PORT_NOUSAGE/$nousage/" \
  "$here/demo-usage.json" > "$work/demo.json"

"$here/../../../signalbox" --data-dir "$data" --port 0 --import "$work/demo.json" > "$work/app.out" &
pids+=($!)
until grep -q listening "$work/app.out"; do sleep 0.5; done
url="$(awk '/listening/ {print $NF}' "$work/app.out")"
echo "Signalbox at $url; sending traffic for $minutes minutes"
python3 "$here/traffic.py" "$url" "$minutes"
echo "Done: open the Usage (Ctrl+4) and Requests (Ctrl+5) screens, then close the window."
wait "${pids[1]}"
