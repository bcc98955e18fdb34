// Event Grid system topic on the storage account, delivering
//   BlobCreated → the blob extension webhook for the ProcessArticle blob trigger (source: EventGrid), and
//   BlobDeleted → the storage queue the DeleteArticle queue trigger reads (written with the managed identity).
// The webhook key (system key blobs_extension) exists only once the host has run the functions, so deploy this
// after ./publish.sh + the zip deploy (main.bicep: deployEventSubscriptions=true).

param systemTopicName string
param location string
param tags object
param storageAccountId string
param functionAppName string
param articlesContainerName string
param processFunctionName string
param deletionsQueueName string

@description('Resource id of the user-assigned identity Event Grid writes to the queue with (Storage Queue Data Contributor).')
param identityId string

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

// The host's system keys, read the documented way: listKeys on Microsoft.Web/sites/host "default".
var systemKeys = listKeys('${functionApp.id}/host/default', '2023-12-01').systemKeys
var subjectPrefix = '/blobServices/default/containers/${articlesContainerName}/'

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource blobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'articles-created'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${processFunctionName}&code=${systemKeys.blobs_extension}'
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: subjectPrefix
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

resource blobDeleted 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: 'articles-deleted'
  properties: {
    deliveryWithResourceIdentity: {
      identity: {
        type: 'UserAssigned'
        userAssignedIdentity: identityId
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storageAccountId
          queueName: deletionsQueueName
          queueMessageTimeToLiveInSeconds: -1
        }
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobDeleted'
      ]
      subjectBeginsWith: subjectPrefix
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}
