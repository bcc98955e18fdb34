// Storage account for articles (blob trigger source), analysis output, tables, the Functions host and
// Flex Consumption deployment packages. Entra ID only: no shared keys, no public blobs.

@description('Storage account name (3-24 lowercase letters and digits).')
param name string

param location string

@description('Blob container watched by the ProcessArticle blob trigger (path "articles/{name}").')
param articlesContainerName string

@description('Blob container for analysis output (Storage:AnalysisContainer).')
param analysisContainerName string

@description('Blob container holding the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Queue Event Grid delivers BlobDeleted events to; the DeleteArticle function reads it.')
param deletionsQueueName string

param tags object

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for container in [articlesContainerName, analysisContainerName, deploymentContainerName]: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource deletionsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = {
  parent: queueService
  name: deletionsQueueName
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
