// Key Vault with Azure RBAC authorization (no access policies). Holds router passwords, UniFi API keys, the two JWT
// signing secrets (created by the app on first use) and, once, the bootstrap admin password. No secret is created
// here: this module never sees a secret value (the optional RADIUS server's secrets are written by radius/radius.bicep).

@description('Name of the vault (3 to 24 letters, digits and hyphens).')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

@description('True when private networking is on: the vault is then reached through a private endpoint, and from the public internet only from operatorIpAddresses.')
param privateNetworking bool

@description('With private networking: public IPv4 addresses or CIDR ranges that may still reach the vault: the operator\'s workstation (the bootstrap secret, rotations, azd reading the RADIUS secrets) and the RADIUS server.')
param operatorIpAddresses array = []

@description('Days a deleted secret or vault stays recoverable (7 to 90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 7

@description('Purge protection: deleted secrets cannot be purged before the retention ends. Recommended for production; once on, it cannot be turned off, and `azd down --purge` can no longer purge the vault.')
param enablePurgeProtection bool = false

@description('Resource id of the Log Analytics workspace that receives the vault\'s audit log (who read, set or deleted which secret).')
param logAnalyticsWorkspaceId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: privateNetworking && empty(operatorIpAddresses) ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: 'None'
      ipRules: [for address in operatorIpAddresses: {
        value: address
      }]
    }
  }
}

resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

output name string = vault.name
output resourceId string = vault.id
output uri string = vault.properties.vaultUri
