// Azure AI Language (kind TextAnalytics), reached with Entra ID only (disableLocalAuth: no keys).

param name string
param location string

@allowed([
  'F0'
  'S'
])
@description('F0 is free (5,000 text records a month, one per subscription); S is pay-as-you-go.')
param sku string

param tags object

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: sku
  }
  properties: {
    // A custom subdomain is required for Entra ID authentication.
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = language.name
output endpoint string = language.properties.endpoint
