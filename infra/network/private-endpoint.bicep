// One private endpoint, with the private DNS zone that makes the service's public host name resolve to it inside the
// virtual network. Used for the storage account's blob and table endpoints and for Key Vault.

@description('Name of the private endpoint.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Resource id of the service (storage account or vault).')
param serviceResourceId string

@description('Sub-resource of the service: blob, table or vault.')
@allowed(['blob', 'table', 'vault'])
param groupId string

@description('Private DNS zone of that sub-resource, e.g. privatelink.blob.core.windows.net.')
param dnsZoneName string

@description('Resource id of the virtual network the zone is linked to.')
param virtualNetworkId string

@description('Subnet the endpoint\'s network interface lives in.')
param subnetId string

resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: dnsZoneName
  location: 'global'
  tags: tags
}

resource zoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: zone
  name: '${name}-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: virtualNetworkId
    }
  }
}

resource endpoint 'Microsoft.Network/privateEndpoints@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: serviceResourceId
          groupIds: [groupId]
        }
      }
    ]
  }
}

resource zoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-01-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: replace(dnsZoneName, '.', '-')
        properties: {
          privateDnsZoneId: zone.id
        }
      }
    ]
  }
}
