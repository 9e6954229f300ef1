// The user-assigned managed identity the function app runs as. Every data-plane permission of the app (tables,
// deployment and host blobs, Key Vault secrets, telemetry) is granted to this identity in rbac.bicep.

@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output resourceId string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
