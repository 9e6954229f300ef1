// The RADIUS server's address: a Standard static public IPv4, created before the vault so that the vault's firewall
// (with private networking) can let the server read its two secrets. It stays the same for as long as this resource
// exists, whatever happens to the VM: a MikroTik /radius entry takes an IP address, not a host name.

@description('Name of the public IP address.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object

resource address 'Microsoft.Network/publicIPAddresses@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

output name string = address.name
output ipAddress string = address.properties.ipAddress
