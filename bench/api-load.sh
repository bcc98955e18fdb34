# Sourced by bench.sh and bench/api.sh. Needs $api (the app's base URL), $results (the results file),
# $load_seconds, and wrk and python3 on the PATH.
# The query API under load, with the corpus stored and the app idle: each endpoint warmed once (its answer is then
# served from the query cache, as a dashboard's repeated requests are), then wrk -t2 -c16 for $load_seconds s.
# The entities asked about are the two most covered people.
api_load() { # $1: articles stored
  local ids; ids=$(curl -fs "$api/api/entities?category=Person&top=2" | python3 -c 'import json,sys; print(" ".join(e["id"] for e in json.load(sys.stdin)["items"]))')
  local a b; read -r a b <<<"$ids"; b=${b:-$a}
  local paths=(
    "/api/health" "/api/articles?top=50" "/api/entities" "/api/entities?from=2018-01-01&to=2018-07-01" "/api/entities?source=outlet-03.example"
    "/api/timeline?entity=$a&entity=$b&bucket=week" "/api/timeline?bucket=month" "/api/sources" "/api/entities/$a/sources"
    "/api/entities/$a/co-mentions" "/api/entities/$a/articles?top=50" "/api/status")
  for path in "${paths[@]}"; do
    local miss; miss=$(curl -fs -o /dev/null -w '%{time_total}' "$api$path") || { echo "bench.sh: GET $path failed" >&2; exit 1; }
    wrk -t2 -c16 -d"${load_seconds}s" --latency "$api$path" | awk -v stored="$1" -v path="$path" -v miss="$miss" '
      /Requests\/sec:/ { rps = $2 }
      /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
      /Non-2xx/ { bad = $NF }
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      END { printf "api stored=%s requests_per_second=%.0f p50_ms=%.2f p99_ms=%.2f miss_ms=%.1f non_2xx=%d path=%s\n", stored, rps, ms(p50), ms(p99), miss * 1000, bad + 0, path }' | tee -a "$results"
  done
}
