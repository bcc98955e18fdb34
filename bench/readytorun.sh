#!/usr/bin/env bash
# Does ReadyToRun shorten cold start? Publishes the local server (the same libraries as the Functions worker: API,
# processor, analyzer, stores) for linux-x64 with and without ReadyToRun, then starts each N times in turn against
# one Azurite, timing process start to /api/health "ready". Also publishes the Functions worker with ReadyToRun to
# compare package sizes. The Functions host's own start is the platform's and is not in these figures.
# Usage: bench/readytorun.sh [runs]   (default 7; prints one line per start and the medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}

work=$(mktemp -d); pids=(); app=""
cleanup() { for p in "${pids[@]}" $app; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

publish() { # $1: project, $2: folder, $3: true|false (ReadyToRun)
  dotnet publish "$1" -c Release -r linux-x64 --self-contained false -o "$2" -p:PublishReadyToRun="$3" \
    -nologo -v quiet -clp:ErrorsOnly -p:DebugType=none -p:DebugSymbols=false
}
publish src/Pipeline.Server "$work/jit" false
publish src/Pipeline.Server "$work/r2r" true
publish src/Pipeline.Functions "$work/functions-jit" false
publish src/Pipeline.Functions "$work/functions-r2r" true
size() { du -sm "$1" | cut -f1; }
echo "server publish MB: jit=$(size "$work/jit") r2r=$(size "$work/r2r"); functions publish MB: jit=$(size "$work/functions-jit") r2r=$(size "$work/functions-r2r")"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
bp=$(free_port); qp=$(free_port); tp=$(free_port); port=$(free_port)
node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --loose --silent --location "$work/azurite" \
  --blobHost 127.0.0.1 --blobPort "$bp" --queueHost 127.0.0.1 --queuePort "$qp" --tableHost 127.0.0.1 --tablePort "$tp" \
  >"$work/azurite.log" 2>&1 & pids+=($!)
for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$bp") 2>/dev/null && break; sleep 0.2; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$bp/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qp/devstoreaccount1;TableEndpoint=http://127.0.0.1:$tp/devstoreaccount1;"

start_ms() { # $1: publish folder; prints ms from process start to ready
  local t0; t0=$(date +%s%N)
  Storage__ConnectionString="$cs" Storage__Sqlite__Path="$work/pipeline.db" Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    Watcher__Enabled=false dotnet "$1/Pipeline.Server.dll" >>"$work/app.log" 2>&1 & app=$!
  until curl -fs "http://127.0.0.1:$port/api/health" 2>/dev/null | grep -q '"status":"ready"'; do
    kill -0 "$app" 2>/dev/null || { echo "readytorun.sh: the server exited; see its log:" >&2; tail -20 "$work/app.log" >&2; exit 1; }
    sleep 0.01
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
}

start_ms "$work/jit" >/dev/null # creates the database and tables once, outside the figures
jit=(); r2r=()
for i in $(seq 1 "$runs"); do # alternated, so load changes hit both alike
  jit+=("$(start_ms "$work/jit")"); r2r+=("$(start_ms "$work/r2r")")
  echo "run $i: jit=${jit[-1]} ms r2r=${r2r[-1]} ms (load $(cut -d' ' -f1 /proc/loadavg))"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "cold start median ms: jit=$(median "${jit[@]}") r2r=$(median "${r2r[@]}") over $runs runs each"
