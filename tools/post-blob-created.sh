#!/usr/bin/env bash
# Hands one Microsoft.Storage.BlobCreated event to the blob extension's webhook of a local Functions host
# (`func start` in src/Pipeline.Functions), as the Event Grid subscription does in Azure: the host then runs
# ProcessArticle, the Event Grid-source blob trigger, for that blob. Azurite has no Event Grid, so upload the
# blob first, then run this.
#
# Usage: tools/post-blob-created.sh BLOB_NAME
# Settings (environment variables):
#   FUNCTIONS_URL     the local host             (default http://127.0.0.1:7072, local.settings.example.json)
#   BLOB_ENDPOINT     the blob service endpoint  (default http://127.0.0.1:10000/devstoreaccount1, Azurite)
#   CONTAINER         the articles container     (default articles)
#   BLOBS_EXTENSION_KEY  the host's blobs_extension system key, if the host asks for one (func start does not)
set -euo pipefail

[ $# -eq 1 ] || { sed -n '2,13p' "$0" >&2; exit 2; }
name="$1"
functions_url="${FUNCTIONS_URL:-http://127.0.0.1:7072}"
blob_endpoint="${BLOB_ENDPOINT:-http://127.0.0.1:10000/devstoreaccount1}"
container="${CONTAINER:-articles}"

url="$blob_endpoint/$container/$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$name")"
now=$(date -u +%Y-%m-%dT%H:%M:%S.0000000Z)
event=$(python3 - "$container" "$name" "$url" "$now" <<'PY'
import json, sys, uuid
container, name, url, now = sys.argv[1:]
print(json.dumps([{
    "topic": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
    "subject": f"/blobServices/default/containers/{container}/blobs/{name}",
    "eventType": "Microsoft.Storage.BlobCreated",
    "id": str(uuid.uuid4()),
    "data": {"api": "PutBlob", "requestId": str(uuid.uuid4()), "blobType": "BlockBlob", "url": url,
             "sequencer": "0000000000000000000000000000000000000000000000000", "storageDiagnostics": {"batchId": str(uuid.uuid4())}},
    "dataVersion": "",
    "metadataVersion": "1",
    "eventTime": now,
}]))
PY
)

webhook="$functions_url/runtime/webhooks/blobs?functionName=Host.Functions.ProcessArticle"
[ -n "${BLOBS_EXTENSION_KEY:-}" ] && webhook="$webhook&code=$BLOBS_EXTENSION_KEY"
curl -fsS -X POST "$webhook" -H 'Content-Type: application/json' -H 'aeg-event-type: Notification' --data "$event"
echo "Posted BlobCreated for $container/$name to $functions_url"
