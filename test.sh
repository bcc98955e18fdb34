#!/usr/bin/env bash
# Runs every test tier, starting what it needs: npm tools (Azurite), one Azurite for the run, Chromium for the
# browser tier (installed with apt when missing and running as root), the publish tier, and ./bench.sh --quick. Ends with one line
# "N passed, N failed, N skipped".
#   ./test.sh               all tiers
#   ./test.sh --fast        unit + integration only (no publish, no browser)
#   TEST_FILTER=...         extra `dotnet test --filter` expression for every tier
set -uo pipefail
cd "$(dirname "$0")"

fast=0
for arg in "$@"; do
  case "$arg" in
    --fast) fast=1 ;;
    *) echo "test.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

results_dir="artifacts/test-results"
rm -rf "$results_dir"; mkdir -p "$results_dir"
SECONDS=0

echo "==> Installing tools (npm ci)"
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "test.sh: npm ci failed" >&2; exit 1; }
fi

if [ "$fast" = 0 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing Chromium for the browser tier (apt-get)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "test.sh: could not install chromium; the browser tier will report it" >&2
  fi
fi

echo "==> Building (Release)"
dotnet build Pipeline.sln -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "test.sh: build failed"; echo "0 passed, 1 failed"; exit 1; }

echo "==> Starting Azurite for the test run"
azurite_dir=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
bp=$(free_port); qp=$(free_port); tp=$(free_port)
node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --loose --silent --location "$azurite_dir" \
  --blobHost 127.0.0.1 --blobPort "$bp" --queueHost 127.0.0.1 --queuePort "$qp" --tableHost 127.0.0.1 --tablePort "$tp" \
  >"$results_dir/azurite.log" 2>&1 &
azurite_pid=$!
trap 'kill $azurite_pid 2>/dev/null; wait $azurite_pid 2>/dev/null; rm -rf "$azurite_dir"' EXIT
for _ in $(seq 1 150); do (exec 3<>"/dev/tcp/127.0.0.1/$tp") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$bp") 2>/dev/null && break; sleep 0.2; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export PIPELINE_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$bp/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qp/devstoreaccount1;TableEndpoint=http://127.0.0.1:$tp/devstoreaccount1;"

passed=0; failed=0; skipped=0; broken=()
run_tier() { # name, project, filter
  local name="$1" project="$2" filter="$3"
  [ -n "${TEST_FILTER:-}" ] && filter="${filter:+($filter)&}(${TEST_FILTER})"
  echo "==> Tier: $name ($project${filter:+, filter $filter})"
  local log="$results_dir/$name.log" tier_start=$SECONDS
  dotnet test "$project" -c Release --no-build -nologo ${filter:+--filter "$filter"} \
    --logger "console;verbosity=normal" --results-directory "$results_dir/$name" 2>&1 | tee "$log" \
    | awk '/^[[:space:]]+(Failed|Skipped) |^[[:space:]]+Error Message:| error [A-Z]+[0-9]+:|SKIP/ { print; n = /Error Message:/ ? 3 : 0; next }
           n > 0 { print; n-- }' # the message itself is on the lines after "Error Message:"
  # The console logger ends with "Total tests: N" then indented "Passed: N", "Failed: N", "Skipped: N" lines.
  local summary
  summary=$(awk '/^Total tests:/{found=1; p=0; f=0; s=0; next} found && /^[[:space:]]+Passed:/{p=$2} found && /^[[:space:]]+Failed:/{f=$2} found && /^[[:space:]]+Skipped:/{s=$2} END{if (found) print p, f, s}' "$log")
  if [ -z "$summary" ] && grep -q "No test matches the given testcase filter" "$log"; then
    echo "   $name: no tests in this tier"; return
  fi
  if [ -z "$summary" ]; then
    echo "   $name: no test summary (did the run crash? see $log)"; failed=$((failed + 1)); broken+=("$name"); return
  fi
  local p f s
  read -r p f s <<<"$summary"
  echo "   $name: $p passed, $f failed, $s skipped ($((SECONDS - tier_start)) s)"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  [ "$f" -gt 0 ] && { broken+=("$name"); echo "   failures and their messages: $log"; }
}

run_tier core        tests/Pipeline.Core.Tests        ""
run_tier analysis    tests/Pipeline.Analysis.Tests    ""
run_tier tools       tests/Pipeline.Tools.Tests       ""
run_tier cli         tests/Pipeline.Cli.Tests         ""
run_tier reliability tests/Pipeline.Reliability.Tests ""
run_tier storage     tests/Pipeline.Storage.Tests     ""
run_tier api         tests/Pipeline.Api.Tests         ""
run_tier server      tests/Pipeline.Server.Tests      ""
run_tier functions   tests/Pipeline.Functions.Tests   "Category!=Publish"
run_tier integration tests/Pipeline.IntegrationTests  "Category!=Browser"
if [ "$fast" = 0 ]; then
  run_tier browser   tests/Pipeline.IntegrationTests  "Category=Browser"
  run_tier publish   tests/Pipeline.Functions.Tests   "Category=Publish"
  # The ingest benchmark on a small corpus: the whole local stack end to end (numbers are not judged here).
  echo "==> Tier: bench (./bench.sh --quick)"
  if ./bench.sh --quick >"$results_dir/bench.log" 2>&1; then
    passed=$((passed + 1)); echo "   bench: 1 passed ($(grep -c . artifacts/bench-quick.md) lines in artifacts/bench-quick.md)"
  else
    failed=$((failed + 1)); broken+=(bench); echo "   bench: failed; see $results_dir/bench.log"; tail -15 "$results_dir/bench.log"
  fi
fi

elapsed=$SECONDS
echo
echo "==> Finished in ${elapsed}s. Logs: $results_dir/"
[ "${#broken[@]}" -gt 0 ] && echo "Failing tiers: ${broken[*]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
