// The Function App (.NET 10 isolated worker) on a Dedicated Linux plan, with a system-assigned managed identity.
// Every setting that points at a service names the service; the identity is the credential.

@description('Name of the App Service plan.')
param planName string

@description('Name of the Function App; also the first label of its host name.')
@minLength(2)
@maxLength(60)
param appName string

@description('Azure region of the plan and the app.')
param location string = resourceGroup().location

@description('Tags for the plan and the app.')
param tags object = {}

@description('Tags for the app alone, such as the azd-service-name tag by which azd finds where to publish.')
param appTags object = {}

@description('Dedicated plan SKU. Always On keeps an instance running for the hosted Service Bus processors.')
@allowed([
  'B1'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param planSku string = 'P0v3'

@description('Number of plan instances (all always on).')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('Spread the plan\'s instances across availability zones (Premium v3, at least 2 instances).')
param zoneRedundant bool = false

@description('Name of the Application Insights resource the app sends telemetry to.')
param applicationInsightsName string

@description('Name of the storage account of the Functions host and Durable Functions.')
param storageAccountName string

@description('Service Bus host name, e.g. sb-x.servicebus.windows.net.')
param serviceBusFullyQualifiedNamespace string

@description('Cosmos DB account endpoint, e.g. https://cosmos-x.documents.azure.com:443/.')
param cosmosAccountEndpoint string

@description('Entra ID issuer of store staff and administrator tokens, https://login.microsoftonline.com/<tenant id>/v2.0 (also the authority their signing keys come from).')
param tokenIssuer string

@description('Audience store staff and administrator tokens must be issued for: the Application ID URI of the API\'s app registration.')
param tokenAudience string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: union(tags, appTags)
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    siteConfig: {
      linuxFxVersion: 'DOTNET-ISOLATED|10.0'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/api/health'
      // Exactly the settings the Functions app reads (functions/FunctionAppSettings.cs); a test compares the lists.
      appSettings: [
        {
          // This list replaces every app setting: keep running from the package the last publish uploaded
          // (func publish and zip deploy keep it outside wwwroot), or each infrastructure deployment unmounts the code.
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        {
          name: 'FUNCTIONS_EXTENSION_VERSION'
          value: '~4'
        }
        {
          name: 'FUNCTIONS_WORKER_RUNTIME'
          value: 'dotnet-isolated'
        }
        {
          // Identity-based host storage (blob, queue and table endpoints derive from the name); Durable Functions uses it too.
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          // Ingestion endpoint and instrumentation key, not a credential: ingestion needs the Entra token below.
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        {
          name: 'ServiceBus__fullyQualifiedNamespace'
          value: serviceBusFullyQualifiedNamespace
        }
        {
          name: 'Cosmos__accountEndpoint'
          value: cosmosAccountEndpoint
        }
        {
          // Store staff and administrator bearer tokens (JwtBearer's settings section): keys from the tenant's
          // metadata, and only tokens of this tenant issued for this API.
          name: 'Authentication__Schemes__Bearer__Authority'
          value: tokenIssuer
        }
        {
          name: 'Authentication__Schemes__Bearer__ValidIssuer'
          value: tokenIssuer
        }
        {
          name: 'Authentication__Schemes__Bearer__ValidAudiences__0'
          value: tokenAudience
        }
      ]
    }
  }
}

// Deployments authenticate with Microsoft Entra ID; no FTP or Kudu basic-auth publishing credentials exist.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the Function App.')
output name string = functionApp.name

@description('Object id of the app\'s system-assigned managed identity (the principal every role is granted to).')
output principalId string = functionApp.identity.principalId

@description('Base URL of the HTTP API: the host name plus the Functions route prefix.')
output apiBaseUrl string = 'https://${functionApp.properties.defaultHostName}/api'
