// FreeRADIUS for MikroTik routers behind NAT (main.bicep's radius, off by default): the official image
// freeradius/freeradius-server (3.2.x) on a small Linux VM with Docker, on the static public IP of ip.bicep, with our
// configuration from ../../radius/ laid out by a Custom Script extension. No image is built.
//
// Why a VM: routers speak RADIUS over UDP 1812/1813 and need a fixed IP. Container Apps has no UDP ingress; an
// Azure Container Instances group with a public IP does not keep it across restarts, and the ways to pin one are
// an Application Gateway (HTTP only), an Azure Firewall (about 300 USD a month) or a Standard Load Balancer,
// whose IP-based backend pools do not support ACI. A VM's NIC keeps a Standard static IP (docs/deploy.md, 13).
//
// Secrets: the UDP shared secret and the rest secret (which rlm_rest sends as X-Hotspot-Radius-Secret and the
// Function App reads from the vault) reach this module as secure parameters that azd fills with
// secretOrRandomPassword: read back from the vault when they are there, generated the first time. They are written
// to the vault here and nowhere else; the VM reads them from the vault with its own identity each time FreeRADIUS
// starts, so they are never in the VM's settings, a parameters file or an output.

@description('Base of the resource names (radius-<token>).')
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Name of the static public IP (ip.bicep) the server answers on.')
param publicIpName string

@description('Name of the vault the secrets go to.')
param keyVaultName string

@description('Vault URI (https://<name>.vault.azure.net/).')
param keyVaultUri string

@description('The API FreeRADIUS calls: the Function App\'s https address.')
param apiUrl string

@description('VM size: one small burstable core is plenty for FreeRADIUS relaying to HTTPS.')
param vmSize string

@description('The official FreeRADIUS image, a 3.2.x tag (3.2.5 or later carries the BlastRADIUS fixes).')
param image string

@secure()
@description('UDP shared secret of every router (radius-shared-secret in the vault).')
param sharedSecret string

@secure()
@description('Secret rlm_rest sends to /api/v1/radius/* (radius-rest-secret in the vault; the Function App reads it there).')
param restSecret string

@secure()
@description('Password of the VM\'s local admin (radius-vm-password in the vault). No inbound SSH is allowed; it is for the serial console.')
param adminPassword string

@description('Name of the VM\'s local admin.')
param adminUsername string = 'hotspot'

@description('Address space of the RADIUS network (its own: nothing else lives in it).')
param addressPrefix string = '10.60.0.0/24'

var sharedSecretName = 'radius-shared-secret'
var restSecretName = 'radius-rest-secret'
var adminPasswordName = 'radius-vm-password'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var vmName = 'vm-${name}'

// Every file of ../../radius/, by its path there (a test checks that none is missing).
var configFiles = {
  'radiusd.conf': loadFileAsBase64('../../radius/radiusd.conf')
  'clients.conf': loadFileAsBase64('../../radius/clients.conf')
  dictionary: loadFileAsBase64('../../radius/dictionary')
  'mods-enabled/always': loadFileAsBase64('../../radius/mods-enabled/always')
  'mods-enabled/chap': loadFileAsBase64('../../radius/mods-enabled/chap')
  'mods-enabled/pap': loadFileAsBase64('../../radius/mods-enabled/pap')
  'mods-enabled/rest': loadFileAsBase64('../../radius/mods-enabled/rest')
  'sites-enabled/hotspot': loadFileAsBase64('../../radius/sites-enabled/hotspot')
}

// What setup.sh is told; every value is single-quoted for the shell (none holds a secret).
var settings = {
  HOTSPOT_RADIUS_IMAGE: image
  HOTSPOT_RADIUS_API: apiUrl
  HOTSPOT_RADIUS_VAULT_URI: keyVaultUri
  HOTSPOT_RADIUS_VAULT_RESOURCE: 'https://${substring(environment().suffixes.keyvaultDns, 1)}'
  HOTSPOT_RADIUS_IDENTITY: identity.properties.clientId
  HOTSPOT_RADIUS_CONFIG: join(map(items(configFiles), f => '${f.key}:${f.value}'), ' ')
  HOTSPOT_RADIUS_FETCH_SECRETS: loadFileAsBase64('fetch-secrets.py')
  HOTSPOT_RADIUS_UNIT: loadFileAsBase64('hotspot-radius.service')
}
var script = join(
  concat(
    ['#!/bin/bash'],
    map(items(settings), s => '${s.key}=\'${replace(s.value, '\'', '\'\\\'\'')}\''),
    [loadTextContent('setup.sh')]
  ),
  '\n'
)

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource sharedSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: sharedSecretName
  properties: {
    value: sharedSecret
    contentType: 'RADIUS shared secret of every router (/radius secret=)'
  }
}

resource restSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: restSecretName
  properties: {
    value: restSecret
    contentType: 'X-Hotspot-Radius-Secret of rlm_rest'
  }
}

resource adminPasswordValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: adminPasswordName
  properties: {
    value: adminPassword
    contentType: 'Password of the RADIUS VM\'s local admin (serial console only)'
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${name}'
  location: location
  tags: tags
}

// The VM reads its two secrets and nothing else of the vault: Key Vault Secrets User on each secret alone.
resource readsSharedSecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(sharedSecretValue.id, identity.id, keyVaultSecretsUser)
  scope: sharedSecretValue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource readsRestSecret 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(restSecretValue.id, identity.id, keyVaultSecretsUser)
  scope: restSecretValue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Inbound: RADIUS authentication and accounting over UDP from anywhere (routers behind CGNAT have no known
// address; FreeRADIUS drops what fails the shared secret or Message-Authenticator). Nothing else, SSH included.
resource securityGroup 'Microsoft.Network/networkSecurityGroups@2024-01-01' = {
  name: 'nsg-${name}'
  location: location
  tags: tags
  properties: {
    securityRules: [
      {
        name: 'radius-udp'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Udp'
          sourceAddressPrefix: 'Internet'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRanges: [
            '1812'
            '1813'
          ]
        }
      }
    ]
  }
}

resource network 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: 'vnet-${name}'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'radius'
        properties: {
          addressPrefix: addressPrefix
          networkSecurityGroup: {
            id: securityGroup.id
          }
        }
      }
    ]
  }
}

resource publicIp 'Microsoft.Network/publicIPAddresses@2024-01-01' existing = {
  name: publicIpName
}

resource nic 'Microsoft.Network/networkInterfaces@2024-01-01' = {
  name: 'nic-${name}'
  location: location
  tags: tags
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: network.properties.subnets[0].id
          }
          publicIPAddress: {
            id: publicIp.id
          }
        }
      }
    ]
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: vmName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    hardwareProfile: {
      vmSize: vmSize
    }
    osProfile: {
      computerName: 'radius'
      adminUsername: adminUsername
      adminPassword: adminPassword
      linuxConfiguration: {
        disablePasswordAuthentication: false
        provisionVMAgent: true
      }
    }
    storageProfile: {
      imageReference: {
        publisher: 'Canonical'
        offer: 'ubuntu-24_04-lts'
        sku: 'server'
        version: 'latest'
      }
      osDisk: {
        createOption: 'FromImage'
        deleteOption: 'Delete'
        diskSizeGB: 30
        managedDisk: {
          storageAccountType: 'StandardSSD_LRS'
        }
      }
    }
    securityProfile: {
      securityType: 'TrustedLaunch'
      uefiSettings: {
        secureBootEnabled: true
        vTpmEnabled: true
      }
    }
    networkProfile: {
      networkInterfaces: [
        {
          id: nic.id
          properties: {
            deleteOption: 'Delete'
          }
        }
      ]
    }
    diagnosticsProfile: {
      bootDiagnostics: {
        enabled: true
      }
    }
  }
}

// Runs setup.sh on every deployment whose script changed (new config in radius/, another image tag): it installs
// Docker once, writes the config and the service, and restarts FreeRADIUS.
resource setup 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'hotspot-radius-setup'
  location: location
  tags: tags
  properties: {
    publisher: 'Microsoft.Azure.Extensions'
    type: 'CustomScript'
    typeHandlerVersion: '2.1'
    autoUpgradeMinorVersion: true
    forceUpdateTag: uniqueString(script)
    protectedSettings: {
      script: base64(script)
    }
  }
  // The service reads its secrets as soon as it starts: let it find its roles in place.
  dependsOn: [
    readsSharedSecret
    readsRestSecret
    adminPasswordValue
  ]
}

output vmName string = vm.name
