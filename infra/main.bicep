// AsyncCommerce on Azure: composes one module per concern and nothing else.
// Deploy into an existing resource group; see infra/README.md.
targetScope = 'resourceGroup'

@description('Environment this deployment serves (dev, test, prod, ...). Goes into the tags and the unique name suffix. azd passes its environment name (up to 64 characters).')
@minLength(1)
@maxLength(64)
param environmentName string = 'dev'

@description('Short prefix for every resource name: 2 to 8 lowercase letters or digits, starting with a letter (storage account names allow nothing else).')
@minLength(2)
@maxLength(8)
param namePrefix string = 'acom'

@description('Azure region for every resource. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Extra tags merged into the tags every resource gets (application, environment).')
param tags object = {}

@description('App Service plan SKU for the Function App. A Dedicated plan keeps the Service Bus processors running (see README).')
@allowed([
  'B1'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'P0v3'

@description('Number of always-on instances of the App Service plan. Zone redundancy needs at least 2.')
@minValue(1)
@maxValue(30)
param appServicePlanInstanceCount int = 1

@description('Spread the App Service plan, storage and Cosmos DB across availability zones. The region must support zones.')
param zoneRedundant bool = false

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Service Bus namespace tier. Standard has topics and duplicate detection; Premium adds isolation and larger messages.')
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string = 'Standard'

@description('Cosmos DB in serverless mode (pay per request; fits dev and spiky load). When false the database gets autoscale throughput.')
param cosmosServerless bool = true

@description('Autoscale maximum RU/s shared by the containers when Cosmos DB is not serverless.')
@minValue(1000)
@maxValue(1000000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('E-mail addresses notified when an alert fires (dead-lettered notifications, orders the workflows could not finish). Empty: alerts show in the portal only.')
param alertEmailAddresses array = []

@description('Entra ID tenant whose users (store staff, administrators) get tokens for the API; the deployment\'s tenant by default.')
param entraTenantId string = tenant().tenantId

@description('Application ID URI of the API\'s Entra ID app registration, whose app roles are infra/entra-app-roles.json: staff and administrator tokens must be issued for it (infra/README.md).')
param apiAudience string = 'api://${toLower(namePrefix)}-${environmentName}-api'

// Unique per resource group (its id includes the subscription) and environment: repeat deployments reuse the names.
var resourceToken = toLower(uniqueString(resourceGroup().id, environmentName))
var prefix = toLower(namePrefix)
var allTags = union(tags, {
  application: 'AsyncCommerce'
  environment: environmentName
})

// `azd deploy` publishes the service of azure.yaml to the one app carrying this tag (tests hold the two together).
var azdServiceName = 'functions'

// Names are fixed before anything deploys, so What-If can predict every resource and role assignment.
var resourceNames = {
  logAnalytics: 'log-${prefix}-${resourceToken}'
  applicationInsights: 'appi-${prefix}-${resourceToken}'
  storageAccount: 'st${prefix}${resourceToken}'
  serviceBusNamespace: 'sb-${prefix}-${resourceToken}'
  cosmosAccount: 'cosmos-${prefix}-${resourceToken}'
  appServicePlan: 'plan-${prefix}-${resourceToken}'
  functionApp: 'func-${prefix}-${resourceToken}'
  actionGroup: 'ag-${prefix}-${resourceToken}'
  deadLetterAlert: 'alert-${prefix}-${resourceToken}-dead-letters'
  failedOrdersAlert: 'alert-${prefix}-${resourceToken}-failed-orders'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: resourceNames.logAnalytics
    applicationInsightsName: resourceNames.applicationInsights
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: resourceNames.storageAccount
    location: location
    tags: allTags
    zoneRedundant: zoneRedundant
  }
}

module messaging 'modules/messaging.bicep' = {
  name: 'messaging'
  params: {
    namespaceName: resourceNames.serviceBusNamespace
    location: location
    tags: allTags
    sku: serviceBusSku
  }
}

module database 'modules/database.bicep' = {
  name: 'database'
  params: {
    accountName: resourceNames.cosmosAccount
    location: location
    tags: allTags
    serverless: cosmosServerless
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    zoneRedundant: zoneRedundant
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    planName: resourceNames.appServicePlan
    appName: resourceNames.functionApp
    location: location
    tags: allTags
    appTags: {
      'azd-service-name': azdServiceName
    }
    planSku: appServicePlanSku
    instanceCount: appServicePlanInstanceCount
    zoneRedundant: zoneRedundant
    applicationInsightsName: resourceNames.applicationInsights
    storageAccountName: storage.outputs.name
    serviceBusFullyQualifiedNamespace: messaging.outputs.fullyQualifiedNamespace
    cosmosAccountEndpoint: database.outputs.accountEndpoint
    tokenIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
    tokenAudience: apiAudience
  }
  // The app setting APPLICATIONINSIGHTS_CONNECTION_STRING is read from the Application Insights resource itself,
  // never passed through a module output.
  dependsOn: [
    monitoring
  ]
}

// Runs after the app (it needs the principal id), which itself waits for every resource the roles are scoped to.
module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    functionAppName: resourceNames.functionApp
    principalId: functionApp.outputs.principalId
    storageAccountName: resourceNames.storageAccount
    serviceBusNamespaceName: resourceNames.serviceBusNamespace
    cosmosAccountName: resourceNames.cosmosAccount
    applicationInsightsName: resourceNames.applicationInsights
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    actionGroupName: resourceNames.actionGroup
    alertEmailAddresses: alertEmailAddresses
    deadLetterAlertName: resourceNames.deadLetterAlert
    failedOrdersAlertName: resourceNames.failedOrdersAlert
    serviceBusNamespaceName: resourceNames.serviceBusNamespace
    applicationInsightsName: resourceNames.applicationInsights
    location: location
    tags: allTags
  }
  // Names are passed (not outputs) so What-If sees the alerts' scopes; the resources must exist first.
  dependsOn: [
    messaging
    monitoring
  ]
}

@description('Base URL of the HTTP API for storefronts and store staff apps (routes are relative to it).')
output apiBaseUrl string = functionApp.outputs.apiBaseUrl

@description('Name of the Function App: the target of the publish step.')
output functionAppName string = functionApp.outputs.name

@description('Name of the Application Insights resource where the app\'s telemetry goes.')
output applicationInsightsName string = monitoring.outputs.applicationInsightsName

@description('Audience of store staff and administrator tokens (the API app registration\'s Application ID URI): `az account get-access-token --resource <it>`.')
output apiAudience string = apiAudience
