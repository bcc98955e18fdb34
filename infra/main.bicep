// Pipeline on Azure: Flex Consumption Functions app (.NET isolated worker) + Storage + Event Grid + Azure AI Language
// + Application Insights, connected with one user-assigned managed identity. See docs/deploy.md.
targetScope = 'resourceGroup'

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(11)
param baseName string = 'pipeline'

param location string = resourceGroup().location

@allowed([
  'F0'
  'S'
])
@description('Azure AI Language pricing tier: F0 (free, one per subscription) or S (pay-as-you-go).')
param languageSku string = 'S'

@description('Create the Event Grid subscriptions. Needs the code deployed first (the blob webhook key appears when the host starts).')
param deployEventSubscriptions bool = false

@description('Optional object id of a user or group that may upload articles (Storage Blob Data Contributor).')
param uploaderPrincipalId string = ''

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Origins (https://host) whose pages may call the API from a browser; none by default. Same rule as the local server\'s Http:CorsOrigins.')
param corsAllowedOrigins array = []

param tags object = {
  application: 'pipeline'
}

var suffix = uniqueString(resourceGroup().id)
var articlesContainerName = 'articles'
var analysisContainerName = 'analysis'
var deploymentContainerName = 'app-package'
// src/Pipeline.Functions/FunctionBindings.cs DeletionsQueue
var deletionsQueueName = 'article-deletions'
var functionAppName = '${baseName}-func-${suffix}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id-${suffix}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${toLower(baseName)}${suffix}', 24)
    location: location
    tags: tags
    articlesContainerName: articlesContainerName
    analysisContainerName: analysisContainerName
    deploymentContainerName: deploymentContainerName
    deletionsQueueName: deletionsQueueName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: '${baseName}-logs-${suffix}'
    appInsightsName: '${baseName}-ai-${suffix}'
    location: location
    tags: tags
  }
}

module language 'modules/language.bicep' = {
  name: 'language'
  params: {
    name: '${baseName}-lang-${suffix}'
    location: location
    sku: languageSku
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.properties.principalId
    uploaderPrincipalId: uploaderPrincipalId
    storageAccountName: storage.outputs.name
    languageAccountName: language.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  dependsOn: [
    roles
  ]
  params: {
    name: functionAppName
    planName: '${baseName}-plan-${suffix}'
    location: location
    tags: tags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    articlesContainerName: articlesContainerName
    analysisContainerName: analysisContainerName
    languageEndpoint: language.outputs.endpoint
    appInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    corsAllowedOrigins: corsAllowedOrigins
  }
}

module eventGrid 'modules/eventgrid.bicep' = if (deployEventSubscriptions) {
  name: 'eventgrid'
  params: {
    systemTopicName: '${baseName}-events-${suffix}'
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
    functionAppName: functionApp.outputs.name
    articlesContainerName: articlesContainerName
    processFunctionName: 'ProcessArticle'
    deletionsQueueName: deletionsQueueName
    identityId: identity.id
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output storageAccountName string = storage.outputs.name
output articlesContainer string = articlesContainerName
output languageEndpoint string = language.outputs.endpoint
