#!/usr/bin/env bash
# Rebuilds every shipped model resource of the embedded analyzer from scratch, in dependency order:
#   1. GloVe vectors (tools/fetch-embeddings.sh, cached in the ignored .cache/embeddings)
#   2. NER word clusters           -> Local/Ner/Resources/word-clusters.txt.gz
#   3. induced sentence valences   -> Local/Sentiment/Resources/induced-valence.tsv
#   4. target word classes         -> Local/Sentiment/Resources/word-classes.bin
#   5. NER tagger (./train-ner.sh) -> Local/Ner/Resources/ner-model.bin.gz
#   6. sentiment models            -> Local/Sentiment/Resources/{sentence,target}-model.bin, target-net.bin, news-valence*.tsv
# Every step is deterministic, so on an unchanged tree the resources come out byte-identical to the committed ones
# (the script ends with their sha256 and `git status` of the resource folders). Needs ../shared/data.
# Individual commands for experiments: docs/ner.md, docs/sentiment.md.
set -euo pipefail
cd "$(dirname "$0")"

data=../shared/data
if [[ ! -d $data/train/ner || ! -f $data/train/newsmtsc/train.jsonl ]]; then
  echo "train-models.sh: needs the training data in $data (train/ner, train/newsmtsc); not found, nothing written." >&2
  exit 1
fi

ner=src/Pipeline.Analysis/Local/Ner/Resources
sentiment=src/Pipeline.Analysis/Local/Sentiment/Resources
tools=(dotnet run --project tools/Pipeline.Tools -c Release --no-build --)
start=$SECONDS

step() { echo; echo "=== [$((SECONDS - start)) s] $*"; }

# Builds Tools (and the Analysis library it references) once with the resources as they are now.
build() { dotnet build tools/Pipeline.Tools -c Release -nologo -v quiet; }

step "1/6 word vectors"
tools/fetch-embeddings.sh

step "build tools"
build

step "2/6 NER word clusters (embeddings-clusters)"
"${tools[@]}" embeddings-clusters --words 200000 --k 64,256,1024 --iterations 25 --seed 7 --out "$ner/word-clusters.txt.gz"

step "3/6 induced valences (induce-valence)"
"${tools[@]}" induce-valence --lambda 1 --neutral-weight 0.3 --threshold 0.4 --out "$sentiment/induced-valence.tsv"

step "4/6 word classes (build-word-classes)"
"${tools[@]}" build-word-classes --out "$sentiment/word-classes.bin"

# The tagger reads the clusters from the Analysis assembly's embedded resources (WordClusters.Default), so the
# library must be recompiled with the table step 2 wrote before training, or the weights would be tied to the old ids.
step "rebuild with the new clusters"
build

step "5/6 NER tagger (./train-ner.sh)"
./train-ner.sh --out "$ner/ner-model.bin.gz"

# train-sentiment reads induced-valence.tsv and word-classes.bin as files from the resource folder (steps 3, 4).
step "6/6 sentiment models (train-sentiment)"
"${tools[@]}" train-sentiment --data "$data" --out "$sentiment"

step "done in $((SECONDS - start)) s; sha256 of the resources written:"
(cd src/Pipeline.Analysis/Local && sha256sum \
  Ner/Resources/word-clusters.txt.gz \
  Ner/Resources/ner-model.bin.gz \
  Sentiment/Resources/induced-valence.tsv \
  Sentiment/Resources/word-classes.bin \
  Sentiment/Resources/sentence-model.bin \
  Sentiment/Resources/target-model.bin \
  Sentiment/Resources/target-net.bin \
  Sentiment/Resources/news-valence.tsv \
  Sentiment/Resources/news-valence-sentence.tsv)

echo
echo "git status --short $ner $sentiment (empty = byte-identical to the committed resources):"
git status --short -- "$ner" "$sentiment"
