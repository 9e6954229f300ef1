// The storage account: the app's tables (Azure Table Storage), the Functions host's blobs (timer locks, host keys)
// and the container Flex Consumption deploys the app package from. Shared-key access is disabled: every caller
// authenticates with Entra ID, so no account key or connection string exists anywhere.

@description('Name of the storage account (3 to 24 lowercase letters and digits).')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@description('Blob container the Flex Consumption app is deployed from.')
param deploymentContainerName string

@description('True when private networking is on: public network access is then disabled and the app reaches the account through private endpoints.')
param privateNetworking bool

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
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
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// The tables themselves are created by the app on first use (TableStore), with the configured prefix.
resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

output name string = account.name
output resourceId string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
