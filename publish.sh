#!/usr/bin/env bash
# Builds artifacts/pipeline-functions.zip, the Azure Functions (custom handler) deployment package:
#   host.json, <FunctionName>/function.json for every folder under functions/, and app/ holding the published
#   linux-x64 handler (app/Pipeline.Functions, mode 755, as host.json's defaultExecutablePath says).
# Usage: ./publish.sh [--aot]
#   default  self-contained single-file (trimming off): what the whole app supports today.
#   --aot    Native AOT (faster cold start, smaller; needs clang or gcc). Not yet usable: Azure.Data.Tables
#            serialises with reflection (TableClient.CreateIfNotExistsAsync fails at start-up under AOT).
#            See docs/deploy.md.
set -euo pipefail
cd "$(dirname "$0")"

mode=single-file
case "${1:-}" in
  "") ;;
  --aot) mode=aot ;;
  *) echo "usage: $0 [--aot]" >&2; exit 2 ;;
esac

staging=artifacts/functions-package
zip_path=artifacts/pipeline-functions.zip
rm -rf "$staging" "$zip_path"
mkdir -p "$staging/app"

common=(-c Release -r linux-x64 --self-contained true -o "$staging/app" -p:DebugType=none -p:DebugSymbols=false)
if [ "$mode" = aot ]; then
  # The Functions host starts the handler on every cold start: Native AOT starts in milliseconds.
  # IL2104/IL3053 only summarise trim/AOT warnings inside third-party packages (Azure.Data.Tables): they stay
  # visible in the log without failing the build (warnings in our own code still fail it); the Publish test tier
  # runs the binary against Azurite, which is what shows whether those paths work.
  dotnet publish src/Pipeline.Functions "${common[@]}" -p:PublishAot=true -p:StripSymbols=true \
    -p:WarningsNotAsErrors='IL2104%3BIL3053'
else
  dotnet publish src/Pipeline.Functions "${common[@]}" -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true
fi
rm -f "$staging"/app/*.dbg "$staging"/app/*.pdb
chmod 755 "$staging/app/Pipeline.Functions"

cp host.json "$staging/"
for dir in functions/*/; do
  name=$(basename "$dir")
  mkdir -p "$staging/$name"
  cp "$dir/function.json" "$staging/$name/"
done

# python3's zipfile keeps each file's Unix mode (external_attr), so the executable bit survives the deploy.
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

echo "Built $zip_path ($mode, $(du -h "$zip_path" | cut -f1))"
