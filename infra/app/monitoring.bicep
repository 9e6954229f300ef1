// Log Analytics and a workspace-based Application Insights. Local (instrumentation-key) authentication is disabled:
// telemetry is accepted only from Entra ID identities holding Monitoring Metrics Publisher (see rbac.bicep).

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object

@description('Days Log Analytics keeps data (30 to 730; the first 31 days cost nothing extra).')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Daily ingestion cap in GB, a guard against a runaway bill; -1 for none. Data above the cap is dropped until the next day.')
param dailyCapGb int = 1

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyCapGb
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

output applicationInsightsName string = applicationInsights.name
// Not a secret: it names the ingestion endpoint; with local auth disabled it grants nothing without an Entra token.
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString
output logAnalyticsName string = workspace.name
output logAnalyticsWorkspaceId string = workspace.id
