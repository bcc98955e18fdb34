#!/usr/bin/env bash
# Long-run fault check: N generated articles (about one in ten deliberately bad) are uploaded with the pipeline CLI
# while the local app (Pipeline.Server, as run.sh starts it) is SIGKILLed K times at random moments and restarted
# each time; with --outage S, Azurite is then stopped for S seconds while the app is still working through the
# upload, and restarted on the same data folder. Then it recounts from storage:
# every blob has exactly one article, the bad ones failed with a reason and no good one failed, nothing is pending,
# and the entity leaderboard equals a recount from the exported mentions. Prints the figures RELIABILITY.md quotes.
#
#   ./reliability.sh [--articles N] [--kills K] [--seed S] [--store sqlite|tables] [--outage SECONDS]
#   (defaults: 300 articles, 3 kills, seed 14, the local default results store SQLite, no outage)
#
# Ports (environment): RELIABILITY_PORT (7140), AZURITE_BLOB_PORT/AZURITE_QUEUE_PORT/AZURITE_TABLE_PORT (11400-11402).
# Needs what run.sh needs, plus python3. Logs and the generated articles go to .data/reliability/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"

articles=300 kills=3 seed=14 store=sqlite outage=0
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) articles="$2"; shift 2 ;;
    --kills) kills="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --store) store="$2"; shift 2 ;;
    --outage) outage="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "reliability.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

case "$store" in
  sqlite) provider=Sqlite ;;
  tables) provider=AzureTables ;;
  *) echo "reliability.sh: --store is sqlite or tables, not '$store'" >&2; exit 2 ;;
esac

port="${RELIABILITY_PORT:-7140}"
blob_port="${AZURITE_BLOB_PORT:-11400}" queue_port="${AZURITE_QUEUE_PORT:-11401}" table_port="${AZURITE_TABLE_PORT:-11402}"
work=".data/reliability"
app_dll="src/Pipeline.Server/bin/Release/net10.0/Pipeline.Server.dll"
cli_dll="tools/Pipeline.Cli/bin/Release/net10.0/pipeline-cli.dll"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$port" "$blob_port" "$queue_port" "$table_port"; do
  if port_busy "$p"; then echo "reliability.sh: port $p is in use; choose others (see --help)" >&2; exit 1; fi
done

echo "==> Building (Release)"
# npm ci when the tools are missing or older than the lock file (the build embeds the charting library from node_modules).
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet build src/Pipeline.Server/Pipeline.Server.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build tools/Pipeline.Cli/Pipeline.Cli.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

rm -rf "$work"; mkdir -p "$work/articles" "$work/azurite"
echo "==> Generating $articles articles (seed $seed)"
python3 - "$work/articles" "$articles" "$seed" <<'PY'
import json, random, sys
folder, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
people = ["Lena Ortiz", "Gideon Vance", "Miriam Hale", "Theo Marsh", "Ana Ruiz", "Omar Haddad", "Priya Nair", "Jonas Berg"]
places = ["Harbor City", "Valley County", "Port Ellis", "North Ridge"]
good = ["{p} praised the new ferry contract in {l}.", "{p} won wide support for the school plan.", "Residents thanked {p} for the quick repairs."]
bad = ["{p} faced angry protests over the fare increase in {l}.", "Critics accused {p} of hiding the audit.", "{p} was fined for breaking the rules."]
neutral = ["The council meets again on Tuesday.", "The report runs to forty pages.", "{l} has about ninety thousand residents."]
bad_kinds = [("empty.txt", b""), ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"), ("broken.json", b'{"title": "Cut off", "body": "no end'),
             ("noise.dat", bytes(range(256)) * 4), ("title.json", b'{"title":[1,2],"body":"Text here."}')]
expected_failed = []
for i in range(n):
    if i % 10 == 9:
        name, content = bad_kinds[(i // 10) % len(bad_kinds)]
        name = f"{i:05d}-{name}"
        open(f"{folder}/{name}", "wb").write(content)
        expected_failed.append(name)
        continue
    who = rng.sample(people, 2); where = rng.choice(places)
    sentences = [rng.choice(good + bad + neutral).format(p=rng.choice(who), l=where) for _ in range(rng.randint(3, 8))]
    title = f"{who[0]} and {who[1]} in {where}"
    fmt = rng.choice(["txt", "json", "html", "md"])
    body = " ".join(sentences)
    text = {"txt": f"{title}\n\n{body}",
            "json": json.dumps({"title": title, "body": sentences, "source": "Reliability Gazette"}),
            "html": f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p></body></html>",
            "md": f"# {title}\n\n{body}"}[fmt]
    open(f"{folder}/{i:05d}.{fmt}", "w", encoding="utf-8").write(text)
open(f"{folder}/../expected-failed.txt", "w").write("\n".join(expected_failed))
PY

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export PIPELINE_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
database="$work/pipeline.db"
pipeline() { dotnet "$cli_dll" "$@" --store "$provider" --database "$database"; }

azurite_pid="" app_pid="" upload_pid=""
cleanup() {
  for pid in $upload_pid $app_pid $azurite_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

start_azurite() { # always on the same data folder, so a restart keeps every blob, queue message and table row
  node_modules/.bin/azurite --skipApiVersionCheck --disableTelemetry --loose --silent --location "$work/azurite" \
    --blobHost 127.0.0.1 --blobPort "$blob_port" --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" >>"$work/azurite.log" 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 150); do port_busy "$blob_port" && port_busy "$table_port" && port_busy "$queue_port" && return 0; sleep 0.2; done
  echo "reliability.sh: Azurite did not start; see $work/azurite.log" >&2; exit 1
}
start_azurite

start_app() {
  Storage__ConnectionString="$PIPELINE_STORAGE" Storage__Provider="$provider" Storage__Sqlite__Path="$database" \
    Watcher__Enabled=true Urls="http://127.0.0.1:$port" DOTNET_ENVIRONMENT=Production \
    dotnet "$app_dll" >>"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "reliability.sh: the app did not become ready; see $work/app.log" >&2; exit 1
}

echo "==> Starting the app ($provider results), uploading, and killing the app $kills time(s) with SIGKILL"
start_app
SECONDS=0
pipeline upload "$work/articles" >"$work/upload.log" 2>&1 &
upload_pid=$!
for k in $(seq 1 "$kills"); do
  sleep "$(python3 -c "import random; random.seed($seed + $k); print(round(random.uniform(1, 6), 2))")"
  kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true
  echo "   kill $k at ${SECONDS}s; restarting"
  start_app
  restarted=$SECONDS
done
wait "$upload_pid"; upload_pid=""
echo "   upload finished at ${SECONDS}s: $(tail -1 "$work/upload.log")"

if [ "$outage" -gt 0 ]; then
  stored_then=$(curl -fsS "http://127.0.0.1:$port/api/health" | python3 -c "import json,sys; w=json.load(sys.stdin).get('watcher') or {}; print(f\"{w.get('processed', 0) + w.get('failed', 0)} handled, {w.get('pending', 0)} pending\")")
  kill "$azurite_pid"; wait "$azurite_pid" 2>/dev/null || true
  echo "   Azurite stopped at ${SECONDS}s (the app since its last start: $stored_then); down for ${outage}s"
  sleep "$outage"
  start_azurite
  restarted=$SECONDS
  echo "   Azurite restarted on the same data folder at ${SECONDS}s"
fi

echo "==> Waiting until every blob has an article (up to 600 s)"
deadline=$((SECONDS + 600))
while :; do
  stored=$(pipeline export --format jsonl | wc -l)
  [ "$stored" -ge "$articles" ] && break
  [ "$SECONDS" -ge "$deadline" ] && { echo "reliability.sh: only $stored of $articles articles after 600 s" >&2; exit 1; }
  sleep 2
done
echo "   all $articles stored at ${SECONDS}s, $((SECONDS - ${restarted:-0}))s after the last restart (of the app, or of Azurite after an outage)"

pipeline export --format jsonl >"$work/articles.jsonl"
pipeline export --what mentions --format jsonl >"$work/mentions.jsonl"
curl -fsS "http://127.0.0.1:$port/api/entities?top=500" >"$work/leaderboard.json"
pipeline status >"$work/status.txt"

echo "==> Recount"
python3 - "$work" "$articles" <<'PY'
import collections, json, os, sys
work, n = sys.argv[1], int(sys.argv[2])
articles = [json.loads(l) for l in open(f"{work}/articles.jsonl")]
names = collections.Counter(a["blobName"] for a in articles)
uploaded = set(os.listdir(f"{work}/articles"))
expected_failed = set(open(f"{work}/expected-failed.txt").read().split())
failed = {a["blobName"] for a in articles if a["status"] == "failed"}
problems = []
if set(names) != uploaded: problems.append(f"blobs without an article: {sorted(uploaded - set(names))[:5]}; articles without a blob: {sorted(set(names) - uploaded)[:5]}")
dupes = [b for b, c in names.items() if c != 1]
if dupes: problems.append(f"blobs with more than one article: {dupes[:5]}")
if failed != expected_failed: problems.append(f"unexpected failures {sorted(failed - expected_failed)[:5]}, bad inputs not failed {sorted(expected_failed - failed)[:5]}")
if any(a["status"] == "failed" and not a["failureReason"] for a in articles): problems.append("a failed article without a reason")
mentions = [json.loads(l) for l in open(f"{work}/mentions.jsonl")]
recount = collections.defaultdict(lambda: [set(), 0])
for m in mentions:
    if m["category"] not in ("DateTime", "Quantity", "PersonType"):
        recount[m["entityId"]][0].add(m["articleId"]); recount[m["entityId"]][1] += 1
board = {e["id"]: (e["articleCount"], e["mentionCount"]) for e in json.load(open(f"{work}/leaderboard.json"))["items"]}
expected = {k: (len(v[0]), v[1]) for k, v in recount.items()}
if board != expected:
    diff = sorted(set(board.items()) ^ set(expected.items()))[:5]
    problems.append(f"leaderboard differs from the recount: {diff}")
print(f"   articles stored: {len(articles)} for {len(uploaded)} blobs; failed: {len(failed)} (expected {len(expected_failed)}); "
      f"entities: {len(board)} on the leaderboard, {len(expected)} recounted from {len(mentions)} mentions")
for p in problems: print("   PROBLEM: " + p)
sys.exit(1 if problems else 0)
PY
echo "==> Nothing lost: $articles articles, $kills SIGKILLs, ${outage}s Azurite outage, $provider results, ${SECONDS}s in all"
