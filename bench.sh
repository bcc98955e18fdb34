#!/usr/bin/env bash
# Ingest benchmark of the local stack (issue #10): a fresh Azurite, the local server with its default store, and
# generated news articles (3-5 KB, 20 outlets, 2016-2020). Measures, in one run:
#   - the analyzer alone (articles/s, in memory, one worker per core)
#   - upload->queryable latency p50/p95/p99 at a steady 10 uploads/s, with 0 and with each size stored
#   - bulk ingest until queryable: sustained articles/s as the store grows to each size
#   - the storage ceiling: the app's own storage requests per article with the analyzer replaced by a replay
#   - cold start (process start to /api/health ready, with the corpus stored), peak RSS, Azurite CPU while idle
#   - the query API under load at each size (issue #11): wrk -t2 -c16 per endpoint, requests/s and p50/p99, beside
#     /api/health (the app's own ceiling); wrk is installed with apt when missing and running as root
# Writes bench/INGEST.md (bench/run.sh appends it to BENCHMARKS.md) unless --out says otherwise.
#   ./bench.sh                 sizes 10000,100000 (about 30 minutes on 2 cores)
#   ./bench.sh --quick         sizes 300; a smoke run for ./test.sh (writes to artifacts/, not bench/)
#   ./bench.sh --sizes 10000 --latency 200 --out FILE
#   ./bench.sh --api-only      the query API alone (writes bench/API.md): each corpus saved straight into the embedded
#                              store (generated articles, analyses replayed from real ones), the app started on it
set -euo pipefail
cd "$(dirname "$0")"

sizes="10000,100000"; latency=300; out="bench/INGEST.md"; quick=0; ceiling=5000; load_seconds=10; api_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; sizes=300; latency=20; ceiling=300; load_seconds=1; out="artifacts/bench-quick.md"; shift ;;
    --sizes) sizes=$2; shift 2 ;;
    --latency) latency=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --api-only) api_only=1; out="bench/API.md"; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

# npm ci when the tools are missing or older than the lock file (the build embeds the charting library from node_modules).
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) || true
fi
command -v wrk >/dev/null 2>&1 || { echo "bench.sh: wrk is needed for the query API load (apt-get install wrk)" >&2; exit 1; }
. tools/local-server.sh
build_server Release; app_dll=$server_dll # as run.sh runs it
dotnet build bench/Pipeline.IngestBench -c Release -nologo -v quiet -clp:ErrorsOnly
bench() { dotnet bench/Pipeline.IngestBench/bin/Release/net10.0/Pipeline.IngestBench.dll "$@"; }

work=$(mktemp -d); pids=(); app=""
cleanup() { for p in "${pids[@]}" $app; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
bp=$(free_port); qp=$(free_port); tp=$(free_port); port=$(free_port)
node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --loose --silent --location "$work/azurite" \
  --blobHost 127.0.0.1 --blobPort "$bp" --queueHost 127.0.0.1 --queuePort "$qp" --tableHost 127.0.0.1 --tablePort "$tp" \
  >"$work/azurite.log" 2>&1 & azurite=$!; pids+=($azurite)
for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$bp") 2>/dev/null && break; sleep 0.2; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$bp/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qp/devstoreaccount1;TableEndpoint=http://127.0.0.1:$tp/devstoreaccount1;"
api="http://127.0.0.1:$port"
mkdir -p artifacts; results="artifacts/$( [ $api_only = 1 ] && echo api || echo ingest )-results$( [ $quick = 1 ] && echo -quick || true ).txt"; : > "$results" # kept if the run is cut short
note() { echo "$*" | tee -a "$results"; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
start_app() { # $1: label; prints cold start
  local t0; t0=$(date +%s%N)
  Storage__ConnectionString="$cs" Storage__Sqlite__Path="$work/pipeline.db" Urls="$api" Logging__LogLevel__Default=Warning \
    Watcher__Enabled=$([ $api_only = 1 ] && echo false || echo true) dotnet "$app_dll" >>"$work/app.log" 2>&1 & app=$!
  until curl -fs "$api/api/health" 2>/dev/null | grep -q '"status":"ready"'; do
    kill -0 "$app" 2>/dev/null || { echo "bench.sh: the app exited; see its log:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
    sleep 0.02
  done
  note "cold_start stored=$1 ms=$(( ($(date +%s%N) - t0) / 1000000 ))"
}
stop_app() {
  note "peak_rss stored=$1 mb=$(( $(awk '/VmHWM/{print $2}' "/proc/$app/status") / 1024 ))"
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
}
. bench/api-load.sh # api_load: the query API under wrk at the size stored
report() { # stdin: the report's heading and method; then the results as they were printed
  mkdir -p "$(dirname "$out")"
  { cat; echo; echo '```'; cat "$results"; echo '```'; } > "$out"
  echo "wrote $out"
}
wait_initial_listing() {
  until curl -fs "$api/api/health" | grep -q '"initialSweepDone":true'; do sleep 0.1; done
}

note "machine cores=$(nproc) load_average=\"$(cut -d' ' -f1-3 /proc/loadavg)\" date=$(date -u +%Y-%m-%dT%H:%MZ)"
if [ $api_only = 1 ]; then
  stored=0
  IFS=, read -r -a size_list <<<"$sizes"
  for size in "${size_list[@]}"; do
    bench store --database "$work/pipeline.db" --from "$stored" --count "$((size - stored))" --block 10000 | tee -a "$results"
    stored=$size
    start_app "$stored"; api_load "$stored"; stop_app "$stored"
  done
  report <<EOF
## Query API at scale (issue #11)

Command: \`./bench.sh --api-only$([ "$sizes" != "10000,100000" ] && echo " --sizes $sizes")\`. Each corpus saved straight into the embedded store
(generated 3-5 KB articles, 20 outlets, 2016-2020, analyses replayed from 200 real ones), the local server started on it
with its watcher off; each endpoint requested once (miss_ms: that first, uncached answer), then
\`wrk -t2 -c16 -d${load_seconds}s --latency\` (wrk shares the 2 cores).
EOF
  ! grep -Eq "^api .*non_2xx=[1-9]" "$results"
  exit
fi
bench analyzer --count "$((ceiling < 2000 ? ceiling : 2000))" | tee -a "$results"

stored=0; probe=1000000
start_app 0; wait_initial_listing
bench latency --storage "$cs" --api "$api" --from $probe --count "$latency" --rate 10 | sed "s/^/stored=0 /" | tee -a "$results"
stop_app 0
IFS=, read -r -a size_list <<<"$sizes"
for size in "${size_list[@]}"; do
  bench upload --storage "$cs" --from "$stored" --count "$((size - stored))" | tee -a "$results"
  start_app "$stored"
  bench wait --api "$api" --count "$((size - stored))" | sed "s/^/stored=$size /" | tee -a "$results"
  note "peak_rss_ingest stored=$size mb=$(( $(awk '/VmHWM/{print $2}' "/proc/$app/status") / 1024 ))" # before latency and query load
  probe=$((probe + latency))
  bench latency --storage "$cs" --api "$api" --from $probe --count "$latency" --rate 10 | sed "s/^/stored=$size /" | tee -a "$results"
  api_load "$size"
  stop_app "$size"
  stored=$size
done

# Idle: after the start-up listing, neither the app nor the emulator should be working.
start_app "$stored"; wait_initial_listing
sleep 5 # the analyzer's models finish loading in the background after start-up
a0=$(cpu_ticks "$azurite"); p0=$(cpu_ticks "$app"); sleep 10; a1=$(cpu_ticks "$azurite"); p1=$(cpu_ticks "$app")
hz=$(getconf CLK_TCK)
note "idle seconds=10 azurite_cpu_percent=$(( (a1 - a0) * 100 / hz / 10 )) app_cpu_percent=$(( (p1 - p0) * 100 / hz / 10 ))"
stop_app "$stored"

bench ceiling --storage "$cs" --database "$work/ceiling.db" --count "$((ceiling < stored ? ceiling : stored))" | sed "s/^/stored=$stored /" | tee -a "$results"
# The same requests into Table storage on the same emulator: what the local default would be without the embedded store.
bench ceiling --store tables --storage "$cs" --database "$work/unused.db" --count "$((ceiling / 5 < stored ? ceiling / 5 : stored))" | tee -a "$results"

report <<EOF
## Local ingest at scale (issue #10)

Command: \`./bench.sh$([ $quick = 1 ] && echo " --quick")$([ "$sizes" != "10000,100000" ] && [ $quick = 0 ] && echo " --sizes $sizes")\`. Fresh Azurite, the local server with its
default store (SQLite), one worker per core. Bulk ingest: articles uploaded first, then the app started and timed until the
watcher had handled them all; latency: uploads announced on the events queue at 10/s, timed from upload to GET /api/articles/{id} = 200.
The ceiling replays one analysis for every article (same downloads, parses and writes, no analyzer), into the
embedded store and, for comparison, into Table storage on the same Azurite (empty tables). Query API: with the corpus
stored and the app otherwise idle, each endpoint requested once, then \`wrk -t2 -c16 -d${load_seconds}s --latency\` (wrk shares the 2 cores).
EOF
grep -q "failed=0" "$results"
! grep -Eq "^api .*non_2xx=[1-9]" "$results"
