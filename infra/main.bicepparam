using 'main.bicep'

// First deployment: infrastructure only. After ./publish.sh and the zip deploy, redeploy with
//   --parameters deployEventSubscriptions=true
// (the webhook keys the Event Grid subscriptions need exist only once the functions host has started).
param baseName = 'pipeline'
param languageSku = 'S'
param deployEventSubscriptions = false
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
