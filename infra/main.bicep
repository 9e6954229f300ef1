// Hotspot on Azure: what `azd up` provisions. Subscription scope: one resource group per azd environment, every
// resource named with a token derived from the subscription, the environment name and the region, and tagged with
// azd-env-name. One module per resource concern, under app/ and network/.

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment (azd sets it); names the resource group and seeds the resource token.')
param environmentName string

@minLength(1)
@description('Region of every resource. It must offer Flex Consumption: az functionapp list-flexconsumption-locations --output table')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the person running azd (azd sets AZURE_PRINCIPAL_ID): gets Key Vault Secrets Officer to set the bootstrap secret and rotate secrets. Empty to grant nothing.')
param principalId string = ''

@description('Email of the first super_admin, created when the app starts and none exists. Its password is the one-time Key Vault secret bootstrap-admin-password (docs/deploy.md). Empty to skip.')
param bootstrapAdminEmail string = ''

@description('Prefix of every table name: letters and digits, starting with a letter, or empty (the account is Hotspot\'s alone).')
param tablePrefix string = ''

@description('Private networking: virtual network integration, private endpoints for storage and Key Vault, public access to both disabled, and a NAT gateway with one static egress IP. Off by default; it costs about 60 USD a month (docs/deploy.md).')
param privateNetworking bool = false

@description('With private networking: one public IPv4 address or CIDR range that may still reach Key Vault (the operator\'s workstation, for the bootstrap secret and rotations). Empty for none.')
param operatorIpAddress string = ''

@description('Browser origins allowed to call the API (CORS), comma-separated: captive portal pages served by routers call it from their own origin. * allows any; no cookies are used, the router API key travels in a header.')
param corsAllowedOrigins string = '*'

@description('Memory of each function instance in MB (512, 2048 or 4096).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to (40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Instances of the HTTP functions kept running at all times: 0 scales to zero (no idle cost, cold starts); 1 removes cold starts for about 20 USD a month at 2048 MB. Set 1 with RADIUS routers: FreeRADIUS waits 2 s for the API.')
@minValue(0)
@maxValue(20)
param alwaysReadyInstances int = 0

@description('Session token lifetime in hours (1 to 720).')
@minValue(1)
@maxValue(720)
param sessionExpireHours int = 24

@description('Router API key lifetime in days (1 to 3650).')
@minValue(1)
@maxValue(3650)
param apiKeyLifetimeDays int = 365

@description('Hours the previous JWT signing secret stays valid after a rotation.')
@minValue(1)
param secretRotationGraceHours int = 72

@description('bcrypt work factor for admin passwords (4 to 31; each step doubles the cost of a login).')
@minValue(4)
@maxValue(31)
param bcryptCost int = 12

@description('Six-field NCRONTAB of the sweeper timer (expired users, idle clones, ended sessions).')
param sweepSchedule string = '0 */5 * * * *'

@description('Minutes a RANDMAC clone may stay unused before the sweeper folds its time into its base and removes it.')
@minValue(1)
param cloneIdleMinutes int = 1440

@description('Minutes of free access the UniFi guest portal offers for accepting the terms; 0 offers vouchers only.')
@minValue(0)
@maxValue(1440)
param portalFreeMinutes int = 60

@description('Hosts the UniFi guest portal may send a guest on to after it: any, or a comma-separated list of host names (*.example.com for subdomains).')
param portalRedirectHosts string = 'any'

@description('Requests per minute per UniFi Site Manager API key (conexion site_manager), counted per instance: 10000 is Ubiquiti\'s v1 limit; set 100 for an Early Access key.')
@minValue(1)
param siteManagerRequestsPerMinute int = 10000

@description('Key Vault purge protection (irreversible once on). Recommended for production.')
param keyVaultPurgeProtection bool = false

@description('Log Analytics daily ingestion cap in GB; -1 for none.')
param logDailyCapGb int = 1

@description('RADIUS for MikroTik routers behind NAT: FreeRADIUS (the official image) on a small VM with a static public IP, answering UDP 1812/1813 and calling the API. Off by default; about 15 USD a month (docs/deploy.md).')
param radius bool = false

@description('With radius: size of the FreeRADIUS VM.')
param radiusVmSize string = 'Standard_B1s'

@description('With radius: the official FreeRADIUS image, a 3.2.x tag (3.2.5 or later carries the BlastRADIUS fixes).')
param radiusImage string = 'freeradius/freeradius-server:3.2.10'

@secure()
@description('With radius: the UDP shared secret of every router. azd fills it with secretOrRandomPassword (main.parameters.json): the vault\'s radius-shared-secret, or a new random one the first time. Never set it by hand.')
param radiusSharedSecret string = ''

@secure()
@description('With radius: the secret rlm_rest sends to /api/v1/radius/* (X-Hotspot-Radius-Secret); filled like radiusSharedSecret from the vault\'s radius-rest-secret.')
param radiusRestSecret string = ''

@secure()
@description('With radius: the FreeRADIUS VM\'s local admin password (serial console only; no inbound SSH); filled like radiusSharedSecret from the vault\'s radius-vm-password.')
param radiusVmPassword string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-api-${resourceToken}'
var deploymentContainerName = 'app-package'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    dailyCapGb: logDailyCapGb
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    privateNetworking: privateNetworking
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    privateNetworking: privateNetworking
    operatorIpAddresses: concat(empty(operatorIpAddress) ? [] : [operatorIpAddress], radius ? [radiusIp!.outputs.ipAddress] : [])
    enablePurgeProtection: keyVaultPurgeProtection
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
  }
}

// Before the vault: with private networking its firewall lets the RADIUS server in by this address.
module radiusIp 'radius/ip.bicep' = if (radius) {
  name: 'radius-ip'
  scope: rg
  params: {
    name: 'pip-radius-${resourceToken}'
    location: location
    tags: tags
  }
}

module network 'network/vnet.bicep' = if (privateNetworking) {
  name: 'network'
  scope: rg
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: tags
  }
}

module blobEndpoint 'network/private-endpoint.bicep' = if (privateNetworking) {
  name: 'pe-blob'
  scope: rg
  params: {
    name: 'pe-blob-${resourceToken}'
    location: location
    tags: tags
    serviceResourceId: storage.outputs.resourceId
    groupId: 'blob'
    dnsZoneName: 'privatelink.blob.${environment().suffixes.storage}'
    virtualNetworkId: privateNetworking ? network!.outputs.resourceId : ''
    subnetId: privateNetworking ? network!.outputs.endpointsSubnetId : ''
  }
}

module tableEndpoint 'network/private-endpoint.bicep' = if (privateNetworking) {
  name: 'pe-table'
  scope: rg
  params: {
    name: 'pe-table-${resourceToken}'
    location: location
    tags: tags
    serviceResourceId: storage.outputs.resourceId
    groupId: 'table'
    dnsZoneName: 'privatelink.table.${environment().suffixes.storage}'
    virtualNetworkId: privateNetworking ? network!.outputs.resourceId : ''
    subnetId: privateNetworking ? network!.outputs.endpointsSubnetId : ''
  }
}

module vaultEndpoint 'network/private-endpoint.bicep' = if (privateNetworking) {
  name: 'pe-vault'
  scope: rg
  params: {
    name: 'pe-vault-${resourceToken}'
    location: location
    tags: tags
    serviceResourceId: keyVault.outputs.resourceId
    groupId: 'vault'
    dnsZoneName: 'privatelink.vaultcore.azure.net'
    virtualNetworkId: privateNetworking ? network!.outputs.resourceId : ''
    subnetId: privateNetworking ? network!.outputs.endpointsSubnetId : ''
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: principalId
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    keyVaultUri: keyVault.outputs.uri
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyInstances: alwaysReadyInstances
    virtualNetworkSubnetId: privateNetworking ? network!.outputs.appSubnetId : ''
    corsAllowedOrigins: corsAllowedOrigins
    tablePrefix: tablePrefix
    bootstrapAdminEmail: bootstrapAdminEmail
    sessionExpireHours: sessionExpireHours
    apiKeyLifetimeDays: apiKeyLifetimeDays
    secretRotationGraceHours: secretRotationGraceHours
    bcryptCost: bcryptCost
    sweepSchedule: sweepSchedule
    cloneIdleMinutes: cloneIdleMinutes
    portalFreeMinutes: portalFreeMinutes
    portalRedirectHosts: portalRedirectHosts
    siteManagerRequestsPerMinute: siteManagerRequestsPerMinute
    radiusServerAddress: radius ? radiusIp!.outputs.ipAddress : ''
  }
  // The app starts as soon as it exists: let it find its roles (and, when private, its endpoints) in place.
  dependsOn: [
    rbac
    blobEndpoint
    tableEndpoint
    vaultEndpoint
  ]
}

module radiusServer 'radius/radius.bicep' = if (radius) {
  name: 'radius'
  scope: rg
  params: {
    name: 'radius-${resourceToken}'
    location: location
    tags: tags
    publicIpName: radius ? radiusIp!.outputs.name : ''
    keyVaultName: keyVault.outputs.name
    keyVaultUri: keyVault.outputs.uri
    apiUrl: api.outputs.url
    vmSize: radiusVmSize
    image: radiusImage
    sharedSecret: radiusSharedSecret
    restSecret: radiusRestSecret
    adminPassword: radiusVmPassword
  }
  // The operator's and the app's roles on the vault come first (the app reads radius-rest-secret).
  dependsOn: [
    rbac
  ]
}

// azd writes these to .azure/<environment>/.env; docs/deploy.md reads them with `azd env get-value`. No secrets.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output HOTSPOT_API_URL string = api.outputs.url
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output HOTSPOT_EGRESS_IP string = privateNetworking ? network!.outputs.egressIpAddress : ''
output RADIUS_IP_ADDRESS string = radius ? radiusIp!.outputs.ipAddress : ''
output RADIUS_VM_NAME string = radius ? radiusServer!.outputs.vmName : ''
