#!/usr/bin/env bash
# Trains the embedded NER tagger from ../shared/data/train/ner (deterministic: fixed seed) and writes
# src/Pipeline.Analysis/Local/Ner/Resources/ner-model.bin.gz. Extra options are passed through (see NerTraining.cs).
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project tools/Pipeline.Tools -c Release -- train-ner "$@"
