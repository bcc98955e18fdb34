#!/usr/bin/env bash
# Starts the whole local stack: Azurite (local Azure Storage) and the Pipeline app in local mode, which watches
# the `articles` container, analyzes what lands there and serves the query API and dashboard.
# Uploads the project's sample articles unless --no-samples (or PIPELINE_SAMPLES=0). Ctrl-C stops both.
# If the app exits (a crash, a kill), it is started again and Azurite keeps running, so uploads in flight go on;
# logs are appended to, one header per start, so a restart never wipes what happened before it.
#
# Settings (environment variables):
#   PIPELINE_PORT        app port                         (default 7071)
#   AZURITE_BLOB_PORT    Azurite blob port                (default 10000)
#   AZURITE_QUEUE_PORT   Azurite queue port               (default 10001)
#   AZURITE_TABLE_PORT   Azurite table port               (default 10002)
#   AZURITE_LOCATION     Azurite data folder (git-ignored) (default .azurite)
#   PIPELINE_SAMPLES     1 uploads samples/ at start      (default 1)
#   PIPELINE_CONFIGURATION  build configuration           (default Release; the server is published ReadyToRun
#                        into artifacts/server/)
#   PIPELINE_LOG_DIR     where azurite.log and pipeline.log go (default .data/logs)
# Any app setting can be passed the ASP.NET Core way, e.g. Analysis__Provider=AzureLanguage (see README).
set -euo pipefail
cd "$(dirname "$0")"

samples="${PIPELINE_SAMPLES:-1}"
for arg in "$@"; do
  case "$arg" in
    --no-samples) samples=0 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

port="${PIPELINE_PORT:-7071}"
blob_port="${AZURITE_BLOB_PORT:-10000}"
queue_port="${AZURITE_QUEUE_PORT:-10001}"
table_port="${AZURITE_TABLE_PORT:-10002}"
location="${AZURITE_LOCATION:-.azurite}"
configuration="${PIPELINE_CONFIGURATION:-Release}"
log_dir="${PIPELINE_LOG_DIR:-.data/logs}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "run.sh: '$1' is required ($2)" >&2; exit 1; }; }
need dotnet "install the .NET 10 SDK"
need node "install Node.js 20+"
need npm "install npm"
need curl "apt-get install curl"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$port" "$blob_port" "$queue_port" "$table_port"; do
  if port_busy "$p"; then
    echo "run.sh: port $p is already in use. Stop what uses it or choose other ports (PIPELINE_PORT, AZURITE_*_PORT)." >&2
    exit 1
  fi
done

echo "==> Installing tools (npm ci) and building ($configuration)"
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
. tools/local-server.sh
build_server "$configuration" # sets server_dll
dotnet build tools/Pipeline.Cli/Pipeline.Cli.csproj -c "$configuration" -nologo -v quiet -clp:ErrorsOnly

mkdir -p "$location" "$log_dir"
app=""; azurite=""
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "==> Stopping"
  for pid in ${app:-} ${azurite:-}; do kill "$pid" 2>/dev/null || true; done
  for pid in ${app:-} ${azurite:-}; do wait "$pid" 2>/dev/null || true; done
  echo "Stopped. Data is kept in $location (delete it to start empty)."
}
trap 'cleanup; exit 0' INT TERM
trap cleanup EXIT

echo "==> Starting Azurite (data in $location, log in $log_dir/azurite.log)"
stamp() { echo "==> $(date -u +%Y-%m-%dT%H:%M:%SZ) run.sh starts $1" >>"$log_dir/$1.log"; }
stamp azurite
node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --loose \
  --location "$location" \
  --blobHost 127.0.0.1 --blobPort "$blob_port" \
  --queueHost 127.0.0.1 --queuePort "$queue_port" \
  --tableHost 127.0.0.1 --tablePort "$table_port" >>"$log_dir/azurite.log" 2>&1 &
azurite=$!

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"

wait_for() { # name, check command; up to 30 s
  for _ in $(seq 1 150); do
    if eval "$2" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "run.sh: $1 did not start; see $log_dir/" >&2
  exit 1
}
wait_for Azurite "port_busy $blob_port && port_busy $table_port"

start_app() {
  stamp pipeline
  Storage__ConnectionString="$connection" \
  Watcher__Enabled=true \
  Urls="http://127.0.0.1:$port" \
  DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Production}" \
    dotnet "$server_dll" >>"$log_dir/pipeline.log" 2>&1 &
  app=$!
  app_started=$(date +%s)
  wait_for "Pipeline (http://127.0.0.1:$port/api/health)" "curl -fsS http://127.0.0.1:$port/api/health"
}
echo "==> Starting Pipeline on http://127.0.0.1:$port (log in $log_dir/pipeline.log)"
start_app

export PIPELINE_STORAGE="$connection"
if [ "$samples" = "1" ] && [ -d samples ]; then
  echo "==> Uploading sample articles from samples/"
  dotnet "tools/Pipeline.Cli/bin/$configuration/net10.0/pipeline-cli.dll" upload samples
fi

cat <<EOF

Pipeline is running.
  Dashboard:  http://127.0.0.1:$port/api/dashboard
  API:        http://127.0.0.1:$port/api/articles   /api/entities   /api/health
  API docs:   http://127.0.0.1:$port/api/docs   (OpenAPI document: /openapi/v1.json)
  Storage connection string (Azurite):
    $connection

Upload articles to the "articles" container, for example:
  az storage blob upload --connection-string "$connection" \\
     --container-name articles --file my-article.txt --name my-article.txt
  az storage blob upload-batch --connection-string "$connection" --destination articles --source ../shared/seeds
Then:
  curl -s http://127.0.0.1:$port/api/articles | jq
  curl -s 'http://127.0.0.1:$port/api/entities?category=Person' | jq

Press Ctrl-C to stop.
EOF
quick_exits=0
while true; do
  wait -n "$azurite" "$app" || true
  if ! kill -0 "$azurite" 2>/dev/null; then
    echo "run.sh: Azurite exited; see $log_dir/azurite.log" >&2
    exit 1
  fi
  if kill -0 "$app" 2>/dev/null; then
    continue
  fi
  # The app exited: Azurite and uploads in flight carry on while it starts again, unless it cannot stay up.
  if (( $(date +%s) - app_started < 30 )); then quick_exits=$((quick_exits + 1)); else quick_exits=0; fi
  if (( quick_exits >= 3 )); then
    echo "run.sh: Pipeline exited 3 times within 30 s of starting; see $log_dir/pipeline.log" >&2
    exit 1
  fi
  echo "run.sh: Pipeline exited; Azurite keeps running; starting Pipeline again (log in $log_dir/pipeline.log)" >&2
  start_app
done
