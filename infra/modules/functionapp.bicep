// Flex Consumption function app running the .NET isolated worker (runtime "dotnet-isolated" 10.0), identity-based connections only.

param name string
param planName string
param location string
param tags object

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of the user-assigned managed identity.')
param identityClientId string

param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string
param articlesContainerName string
param analysisContainerName string
param languageEndpoint string
param appInsightsConnectionString string

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Browser origins allowed to call the HTTP functions (CORS); empty: none.')
param corsAllowedOrigins array

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // The platform answers CORS for the Functions host; an empty list allows no cross-origin page.
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
      appSettings: [
        // Functions host storage (locks, keys, blob receipts, blob trigger queues).
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storageBlobEndpoint }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storageQueueEndpoint }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: storageTableEndpoint }
        // The "ArticlesStorage" connection of the blob trigger and both queue triggers (poison queue, BlobDeleted events).
        { name: 'ArticlesStorage__credential', value: 'managedidentity' }
        { name: 'ArticlesStorage__clientId', value: identityClientId }
        { name: 'ArticlesStorage__blobServiceUri', value: storageBlobEndpoint }
        { name: 'ArticlesStorage__queueServiceUri', value: storageQueueEndpoint }
        // The app's own storage access (Pipeline.Storage, StorageOptions).
        { name: 'Storage__BlobServiceUri', value: storageBlobEndpoint }
        { name: 'Storage__TableServiceUri', value: storageTableEndpoint }
        { name: 'Storage__ClientId', value: identityClientId }
        { name: 'Storage__Provider', value: 'AzureTables' }
        { name: 'Storage__ArticlesContainer', value: articlesContainerName }
        { name: 'Storage__AnalysisContainer', value: analysisContainerName }
        // Analysis with Azure AI Language over Entra ID.
        { name: 'Analysis__Provider', value: 'AzureLanguage' }
        { name: 'Analysis__AzureLanguage__Endpoint', value: languageEndpoint }
        { name: 'Analysis__AzureLanguage__ManagedIdentityClientId', value: identityClientId }
        // Which identity DefaultAzureCredential-style lookups use.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        // Telemetry, ingested with Entra ID (local auth is off on the component).
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // FUNCTIONS_WORKER_RUNTIME is not supported on Flex: the runtime is declared here.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
