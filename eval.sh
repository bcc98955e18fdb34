#!/usr/bin/env bash
# Evaluates the embedded models: ./eval.sh FILE... (format recognised per file: CoNLL NER, sentence or targeted sentiment JSONL).
# Article-text extraction: ./eval.sh --extraction [--per-page] [--half 0|1] [--extractor pipeline|smartreader] FILE...
#   (FILE: readability.jsonl or snippets.jsonl of ../shared/data/eval/extraction; scoring as its README says).
set -euo pipefail
cd "$(dirname "$0")"
if [ "$#" -eq 0 ]; then
  echo "usage: ./eval.sh FILE..." >&2
  exit 2
fi
dotnet build tools/Pipeline.Tools -c Release --nologo -v q >/dev/null
if [ "$1" = "--extraction" ]; then
  shift
  exec dotnet tools/Pipeline.Tools/bin/Release/net10.0/Pipeline.Tools.dll eval-extraction "$@"
fi
exec dotnet tools/Pipeline.Tools/bin/Release/net10.0/Pipeline.Tools.dll eval "$@"
