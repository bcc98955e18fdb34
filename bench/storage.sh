#!/usr/bin/env bash
# Table storage cost of the results store: requests and rows per article (one writer), and N concurrent writers
# (ETag conflicts, throughput, exactness of the entity totals against a recount). Starts its own Azurite on spare
# ports; writes bench/STORAGE.md (bench/run.sh appends it to BENCHMARKS.md).
#   bench/storage.sh [--articles 100] [--days 90] [--writer-articles 160] [--writers 1,2,4,8,16,32,64|none] [--shards 8]
set -euo pipefail
cd "$(dirname "$0")/.."
articles=100; days=90; writer_articles=160; writers=1,2,4,8,16,32,64; shards=""
while [ $# -gt 0 ]; do case "$1" in
  --days) days=$2; shift 2 ;;
  --shards) shards="--shards $2"; shift 2 ;;
  --articles) articles=$2; shift 2 ;; --writer-articles) writer_articles=$2; shift 2 ;; --writers) writers=$2; shift 2 ;;
  *) echo "unknown $1" >&2; exit 2 ;; esac; done
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund --loglevel=error
dotnet build bench/Pipeline.StorageBench -c Release -nologo -v quiet -clp:ErrorsOnly
data=$(mktemp -d); pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$data"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
bp=$(free_port); qp=$(free_port); tp=$(free_port)
node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --loose --silent --location "$data" \
  --blobPort "$bp" --queuePort "$qp" --tablePort "$tp" >/dev/null 2>&1 & pid=$!
for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$tp") 2>/dev/null && break; sleep 0.2; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
cs="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$bp/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qp/devstoreaccount1;TableEndpoint=http://127.0.0.1:$tp/devstoreaccount1;"
bench="dotnet bench/Pipeline.StorageBench/bin/Release/net10.0/Pipeline.StorageBench.dll"
load=$(cut -d' ' -f1-3 /proc/loadavg)
out=$(mktemp -d)
# Printed as they run; a writers run that is not exact still reports (and makes the script fail at the end).
$bench requests --storage "$cs" --articles "$articles" --days "$days" $shards | tee "$out/requests"
status=0
: > "$out/writers"
if [ "$writers" != none ]; then
  $bench writers --storage "$cs" --articles "$writer_articles" --writers "$writers" $shards | tee "$out/writers" || status=1
fi
{
  echo "## Table storage: requests, rows and concurrent writers"
  echo
  echo "Command: \`bench/storage.sh --articles $articles --days $days --writer-articles $writer_articles --writers $writers $shards\` ($(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD),"
  echo "$(nproc) cores shared with other work, load average at start $load; Azurite $(node_modules/.bin/azurite --version 2>/dev/null | tail -1))."
  echo "Requests are counted on the wire by an \`HttpPipelinePolicy\` attached to the Tables and Blob clients (retries included)."
  echo
  cat "$out/requests"
  echo
  cat "$out/writers"
} > bench/STORAGE.md
rm -rf "$out"
exit $status
