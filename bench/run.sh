#!/usr/bin/env bash
# Speed and memory of the embedded analyzer (wall clock and CPU time), side by side with npm `sentiment` (AFINN) and `vader-sentiment`,
# on one core and the same corpus; writes BENCHMARKS.md at the repository root.
#
#   bench/run.sh            full BenchmarkDotNet job (a few minutes)
#   bench/run.sh --quick    short job for smoke runs
#   options: --seeds <dir>  also measure a corpus derived from real articles (default: ../shared/seeds when present)
#            --no-seeds     no seeds corpus
#            --samples <dir> also measure the articles (*.txt) of a folder (default: samples/ when present)
#            --no-node      skip the npm peers
#            --out <file>   report path (default BENCHMARKS.md)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

quick=""
node_enabled=1
seeds=""
[[ -d "$repo/../shared/seeds" ]] && seeds="$(cd "$repo/../shared/seeds" && pwd)"
samples=""
[[ -d "$repo/samples" ]] && samples="$repo/samples"
out="$repo/BENCHMARKS.md"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick="--quick" ;;
    --no-node) node_enabled=0 ;;
    --seeds) seeds="$(cd "$2" && pwd)"; shift ;;
    --no-seeds) seeds="" ;;
    --samples) samples="$(cd "$2" && pwd)"; shift ;;
    --out) out="$2"; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

artifacts="$repo/bench/artifacts"   # ignored by git: corpora, raw results, BenchmarkDotNet output
mkdir -p "$artifacts"
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0) || echo "warning: taskset not found; not pinned to one core" >&2

echo "== build (Release)"
dotnet build "$repo/bench/Pipeline.Benchmarks" -c Release --nologo -v quiet
bin="$repo/bench/Pipeline.Benchmarks/bin/Release/net10.0/Pipeline.Benchmarks"
[[ -x "$bin" ]] || bin="dotnet $bin.dll"

echo "== corpora"
corpus_args=(corpus "$artifacts/corpus.txt")
[[ -n "$seeds" ]] && corpus_args+=(--seeds "$seeds" "$artifacts/seeds-corpus.txt")
[[ -n "$samples" ]] && corpus_args+=(--samples "$samples" "$artifacts/samples-corpus.txt")
rm -f "$artifacts/seeds-corpus.txt" "$artifacts/samples-corpus.txt"
$bin "${corpus_args[@]}"

machine="Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs || echo unknown CPU), \
$(dotnet --version | xargs -I{} echo .NET SDK {}), node $(node --version 2>/dev/null || echo absent); \
load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)."

node_reports=()
if [[ $node_enabled -eq 1 ]] && command -v node >/dev/null; then
  echo "== npm peers"
  if [[ ! -d "$repo/bench/node/node_modules/vader-sentiment" || ! -d "$repo/bench/node/node_modules/sentiment" ]]; then
    (cd "$repo/bench/node" && npm ci --no-audit --no-fund)
  fi
  seconds=5; [[ -n "$quick" ]] && seconds=1
  "${pin[@]}" node "$repo/bench/node/bench.js" "$artifacts/corpus.txt" --seconds "$seconds" --json "$artifacts/node-synthetic.json" >/dev/null
  node_reports+=(--node "synthetic=$artifacts/node-synthetic.json")
  for name in samples seeds; do
    if [[ -f "$artifacts/$name-corpus.txt" ]]; then
      "${pin[@]}" node "$repo/bench/node/bench.js" "$artifacts/$name-corpus.txt" --seconds "$seconds" --json "$artifacts/node-$name.json" >/dev/null
      node_reports+=(--node "$name=$artifacts/node-$name.json")
    fi
  done
else
  echo "== npm peers skipped"
fi

echo "== BenchmarkDotNet"
bdn_args=($quick --results "$artifacts/dotnet.tsv")
[[ -n "$seeds" ]] && bdn_args+=(--seeds "$seeds")
[[ -n "$samples" ]] && bdn_args+=(--samples "$samples")
rm -f "$artifacts/dotnet.tsv"
# BenchmarkDotNet writes its own artifacts under the working directory.
(cd "$artifacts" && "${pin[@]}" $bin "${bdn_args[@]}" > "$artifacts/benchmarkdotnet.log" 2>&1) \
  || echo "warning: BenchmarkDotNet exited with an error; see bench/artifacts/benchmarkdotnet.log" >&2
tail -n 8 "$artifacts/benchmarkdotnet.log"

echo "== CPU-time throughput (independent of other load on the machine)"
cpu_args=(cpu $quick)
[[ -n "$seeds" ]] && cpu_args+=(--seeds "$seeds")
[[ -n "$samples" ]] && cpu_args+=(--samples "$samples")
# No call-counting delay: every newly hit method otherwise postpones tier-up, and on one pinned core the warm-up could
# end on a plateau of partly optimised code (full analysis measured 2.6 one run, 4.1 another). This changes when
# methods get optimised, not the optimised code, so the figures are the steady state BenchmarkDotNet's wall times show.
DOTNET_TC_CallCountingDelayMs=0 "${pin[@]}" $bin "${cpu_args[@]}" | tee "$artifacts/cpu.tsv"

echo "== peak resident memory"
"${pin[@]}" $bin rss --corpus "$artifacts/corpus.txt" | tee "$artifacts/rss.txt"

echo "== report"
$bin report --dotnet "$artifacts/dotnet.tsv" --cpu "$artifacts/cpu.tsv" "${node_reports[@]}" --rss "$artifacts/rss.txt" \
  --command "bench/run.sh $quick" --machine "$machine" --out "$out"
# The pipeline's upload-to-queryable latency is measured by bench/latency.sh, which keeps its latest results here.
[[ -f "$repo/bench/LATENCY.md" ]] && { echo; cat "$repo/bench/LATENCY.md"; } >> "$out"
[[ -f "$repo/bench/INGEST.md" ]] && { echo; cat "$repo/bench/INGEST.md"; } >> "$out"
# Table storage requests, rows and concurrent writers: bench/storage.sh keeps its latest results here.
[[ -f "$repo/bench/STORAGE.md" ]] && { echo; cat "$repo/bench/STORAGE.md"; } >> "$out"
echo "wrote $out"
