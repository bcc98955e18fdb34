#!/usr/bin/env bash
# Builds artifacts/pipeline-functions.zip, the Flex Consumption deployment package of the .NET isolated worker:
#   dotnet publish of src/Pipeline.Functions for linux-x64 (framework-dependent: Flex runs dotnet-isolated 10.0),
#   compiled ReadyToRun (cold start 1,899 → 1,426 ms median, bench/readytorun.sh; BENCHMARKS.md),
#   with host.json, worker.config.json, functions.metadata, extensions.json and .azurefunctions/ (the host-side
#   binding extensions) at the zip root, as `func pack` lays it out.
# Usage: ./publish.sh
set -euo pipefail
cd "$(dirname "$0")"

[ $# -eq 0 ] || { echo "usage: $0" >&2; exit 2; }

staging=artifacts/functions-package
zip_path=artifacts/pipeline-functions.zip
rm -rf "$staging" "$zip_path"
mkdir -p "$staging"

# The dashboard embeds its charting library from node_modules at build time.
[ -f node_modules/chart.js/dist/chart.umd.min.js ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] \
  || npm ci --no-audit --no-fund --loglevel=error
dotnet publish src/Pipeline.Functions -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$staging" \
  -nologo -v quiet -clp:ErrorsOnly -p:DebugType=none -p:DebugSymbols=false
rm -f "$staging"/*.pdb

for required in host.json worker.config.json functions.metadata extensions.json .azurefunctions Pipeline.Functions.dll; do
  [ -e "$staging/$required" ] || { echo "publish.sh: $required is missing from the publish output" >&2; exit 1; }
done

python3 - "$staging" "$zip_path" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            archive.write(path, os.path.relpath(path, root))
PY

echo "Built $zip_path ($(du -h "$zip_path" | cut -f1))"
