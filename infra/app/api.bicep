// The Function App on a Flex Consumption (FC1) plan: dotnet-isolated 10.0, running as the user-assigned identity,
// deployed from a blob container that it reads with that identity, and configured by the app settings below.

@description('Name of the function app (its host name is <name>.azurewebsites.net).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the resources; the function app also gets azd-service-name.')
param tags object

@description('The azure.yaml service this app hosts.')
param serviceName string = 'api'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity: DefaultAzureCredential and the Functions host pick the identity by it.')
param identityClientId string

@description('Name of the storage account holding the tables, the host blobs and the deployment container.')
param storageAccountName string

@description('Blob container the app package is deployed to.')
param deploymentContainerName string

@description('Vault URI (https://<name>.vault.azure.net/).')
param keyVaultUri string

@description('Application Insights connection string (names the ingestion endpoint; useless without an Entra token).')
param applicationInsightsConnectionString string

@description('Runtime stack version: .NET 10 on the isolated worker.')
param dotnetVersion string = '10.0'

@description('Memory of each instance in MB: 512, 2048 or 4096. Billing is per GB-second, so smaller is cheaper.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound on instances (40 to 1000): also an upper bound on cost and on concurrent RouterOS connections.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Instances of the HTTP functions kept running at all times (0: scale to zero). One removes cold starts, which RADIUS logins cannot wait for.')
@minValue(0)
param alwaysReadyInstances int = 0

@description('Subnet for outbound virtual network integration (delegated to Microsoft.App/environments); empty for none.')
param virtualNetworkSubnetId string = ''

@description('Browser origins allowed to call the portal routes (CORS, answered by the app itself), comma-separated; * for any.')
param corsAllowedOrigins string

@description('Prefix of every table name (letters and digits, starting with a letter; may be empty).')
param tablePrefix string

@description('Email of the first super_admin, created at startup when none exists; empty to skip the bootstrap.')
param bootstrapAdminEmail string

@description('Session token lifetime in hours.')
param sessionExpireHours int

@description('Router API key lifetime in days.')
param apiKeyLifetimeDays int

@description('Hours a rotated JWT signing secret\'s previous version stays valid.')
param secretRotationGraceHours int

@description('bcrypt work factor for admin passwords.')
param bcryptCost int

@description('Six-field NCRONTAB of the SweepExpired timer.')
param sweepSchedule string

@description('Minutes a RANDMAC clone may stay unused before the sweeper folds its time into its base and removes it.')
param cloneIdleMinutes int

@description('Minutes of free access the UniFi guest portal offers for accepting the terms; 0 offers vouchers only.')
param portalFreeMinutes int

@description('Hosts the guest portal may send a guest on to: any, or a comma-separated list.')
param portalRedirectHosts string

@description('Requests per minute per UniFi Site Manager API key, counted per instance (10000, Ubiquiti\'s v1 limit; 100 for an Early Access key).')
param siteManagerRequestsPerMinute int

@description('The RADIUS server\'s static IP, written into the RADIUS setup download (empty without RADIUS: a placeholder).')
param radiusServerAddress string = ''

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

// The app settings. Hotspot.Tests/Deploy/SettingsParityTests reads this object and compares its keys with
// Hotspot.Core/Hosting/ConfigurationKeys.cs (and a documented allow-list of Functions runtime keys). Keys with ':' in
// the code are written with '__'. No value here is a secret.
var appSettings = {
  // Functions host storage (timer schedules and locks, host keys) through the identity; no connection string. Only
  // blobs: the app has no queue triggers, so the identity gets no queue role.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
  // Telemetry through the identity (local auth is disabled on the component).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Hotspot.
  AZURE_CLIENT_ID: identityClientId
  Hotspot__Storage__TableServiceUri: storage.properties.primaryEndpoints.table
  Hotspot__Storage__TablePrefix: tablePrefix
  Hotspot__Secrets__KeyVaultUri: keyVaultUri
  Hotspot__Bootstrap__AdminEmail: bootstrapAdminEmail
  JWT_SESSION_EXPIRE_HOURS: string(sessionExpireHours)
  Hotspot__Auth__ApiKeyLifetimeDays: string(apiKeyLifetimeDays)
  Hotspot__Auth__SecretRotationGraceHours: string(secretRotationGraceHours)
  Hotspot__Auth__BcryptCost: string(bcryptCost)
  // Read by the SweepExpired timer binding (%SWEEP_SCHEDULE%) and by the sweeper.
  SWEEP_SCHEDULE: sweepSchedule
  CLONE_IDLE_MINUTES: string(cloneIdleMinutes)
  // The UniFi guest portal page.
  Hotspot__Portal__FreeMinutes: string(portalFreeMinutes)
  Hotspot__Portal__RedirectHosts: portalRedirectHosts
  // UniFi consoles behind NAT: the budget of calls through Ubiquiti's Site Manager connector.
  Hotspot__Unifi__SiteManagerRequestsPerMinute: string(siteManagerRequestsPerMinute)
  Hotspot__Radius__ServerAddress: radiusServerAddress
  // Router-hosted portal pages calling the portal routes.
  Hotspot__Cors__AllowedOrigins: corsAllowedOrigins
  // The address the payment providers return guests to and send webhooks to: the app's own https host name, not
  // whatever Host and scheme a request arrived with.
  Hotspot__Ventas__PublicBaseUrl: 'https://${functionApp.properties.defaultHostName}'
  // No Functions welcome page at '/': the route prefix is empty (host.json), so it would answer among the app's routes.
  AzureWebJobsDisableHomepage: 'true'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    publicNetworkAccess: 'Enabled' // captive portals on guest networks call it from the internet
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    vnetRouteAllEnabled: !empty(virtualNetworkSubnetId)
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // No platform CORS: it would answer preflights before the app and for every route. The app answers CORS on the
      // portal routes only (Hotspot__Cors__AllowedOrigins), the same as on the DevHost.
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyInstances > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyInstances
              }
            ]
          : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: appSettings
}

// Deployments authenticate with Entra ID (azd uses the signed-in account); no publishing user names or passwords.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output url string = 'https://${functionApp.properties.defaultHostName}'
