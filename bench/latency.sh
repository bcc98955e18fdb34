#!/usr/bin/env bash
# Upload-to-queryable latency (p50/p95) and burst throughput of the local stack, with 1 worker and with one per core.
# Starts its own Azurite and app on spare ports; writes bench/LATENCY.md (bench/run.sh appends it to BENCHMARKS.md).
#   bench/latency.sh [--count 60] [--burst 40]
set -euo pipefail
cd "$(dirname "$0")/.."
count=60; burst=40
while [ $# -gt 0 ]; do case "$1" in --count) count=$2; shift 2 ;; --burst) burst=$2; shift 2 ;; *) echo "unknown $1" >&2; exit 2 ;; esac; done
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build src/Pipeline.Server -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build bench/Pipeline.LatencyBench -c Release -nologo -v quiet -clp:ErrorsOnly
data=$(mktemp -d); pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$data"' EXIT
node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --loose --silent --location "$data" \
  --blobPort 21000 --queuePort 21001 --tablePort 21002 >/dev/null 2>&1 & pids+=($!)
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:21000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:21001/devstoreaccount1;TableEndpoint=http://127.0.0.1:21002/devstoreaccount1;"
sleep 2
results=$(mktemp)
for workers in 1 0; do
  prefix="w${workers}x$RANDOM"
  Storage__ConnectionString="$cs" Storage__ArticlesContainer="$prefix-articles" Storage__AnalysisContainer="$prefix-analysis" \
  Storage__TablePrefix="$prefix" Watcher__Concurrency=$workers Urls=http://127.0.0.1:17171 Logging__LogLevel__Default=Warning \
    dotnet src/Pipeline.Server/bin/Release/net10.0/Pipeline.Server.dll >/dev/null 2>&1 & app=$!; pids+=($app)
  for _ in $(seq 1 150); do curl -fs http://127.0.0.1:17171/api/health >/dev/null && break; sleep 0.2; done
  echo "workers=$([ $workers = 0 ] && nproc || echo $workers)" | tee -a "$results"
  dotnet bench/Pipeline.LatencyBench/bin/Release/net10.0/Pipeline.LatencyBench.dll --storage "$cs" --api http://127.0.0.1:17171 \
    --container "$prefix-articles" --count "$count" --burst "$burst" --corpus samples | tee -a "$results"
  kill $app; wait $app 2>/dev/null || true
done
{
  echo "## Local pipeline: upload to queryable"
  echo
  echo "Command: \`bench/latency.sh --count $count --burst $burst\` ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))."
  echo "Each article is uploaded with the Blob SDK and polled at GET /api/articles/{id} every 5 ms; the watcher lists"
  echo "every 200 ms, so about 100 ms of each latency is waiting for the next listing. Burst: $burst uploads at once."
  echo
  echo '```'
  cat "$results"
  echo '```'
} > bench/LATENCY.md
rm -f "$results"
echo "wrote bench/LATENCY.md"
