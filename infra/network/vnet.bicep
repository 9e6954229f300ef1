// Optional private networking (main.bicep's privateNetworking, off by default): a virtual network with one subnet
// for the function app's outbound integration and one for private endpoints, and a NAT gateway so that everything
// the app sends to the internet (RouterOS API, UniFi consoles) leaves from one static public IP that router
// firewalls can allow.

@description('Name of the virtual network.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Address space of the network.')
param addressPrefix string = '10.40.0.0/16'

@description('Subnet for the function app (delegated to Microsoft.App/environments, as Flex Consumption requires).')
param appSubnetPrefix string = '10.40.1.0/24'

@description('Subnet for the private endpoints of storage and Key Vault.')
param endpointsSubnetPrefix string = '10.40.2.0/24'

resource egressIp 'Microsoft.Network/publicIPAddresses@2024-01-01' = {
  name: 'pip-${name}'
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

resource natGateway 'Microsoft.Network/natGateways@2024-01-01' = {
  name: 'ng-${name}'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 10
    publicIpAddresses: [
      {
        id: egressIp.id
      }
    ]
  }
}

resource network 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          natGateway: {
            id: natGateway.id
          }
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: endpointsSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

output name string = network.name
output resourceId string = network.id
output appSubnetId string = network.properties.subnets[0].id
output endpointsSubnetId string = network.properties.subnets[1].id
output egressIpAddress string = egressIp.properties.ipAddress
