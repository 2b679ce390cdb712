// Least-privilege data-plane roles for the Function App's managed identity. Each assignment sits next to the
// resource it grants and is scoped to it (or to the topic, not the namespace); none grants management rights.
// Kept in one module that runs after the app exists, because the app's principal id is only known then.

@description('Name of the Function App whose managed identity gets the roles.')
param functionAppName string

@description('Object id of the Function App\'s system-assigned managed identity.')
param principalId string

@description('Name of the storage account of the Functions host and Durable Functions.')
param storageAccountName string

@description('Name of the Service Bus namespace.')
param serviceBusNamespaceName string

@description('Name of the Cosmos DB account.')
param cosmosAccountName string

@description('Name of the Application Insights resource.')
param applicationInsightsName string

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var serviceBusDataSender = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
var serviceBusDataReceiver = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'
var cosmosBuiltInDataContributor = '00000000-0000-0000-0000-000000000002'

var orderEventsTopicName = loadJsonContent('../azure-names.json', '$.serviceBus.orderEventsTopic')

// Assignment names derive from the app's resource id, known before deployment (the principal id is not), so
// What-If predicts them. The app's identity lives and dies with the app, and so do these names.
resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

// Storage: the Functions host (leases, keys, timers) needs blob ownership; Durable Functions' task hub needs
// queues and tables.
resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource storageBlobDataOwnerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storageAccount
  name: guid(storageAccount.id, functionApp.id, storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageQueueDataContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storageAccount
  name: guid(storageAccount.id, functionApp.id, storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource storageTableDataContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storageAccount
  name: guid(storageAccount.id, functionApp.id, storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Service Bus: publish order events to the topic and receive them from its subscriptions. Scoped to the topic,
// so the identity can touch no other entity in the namespace.
resource serviceBusNamespace 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusNamespaceName

  resource orderEventsTopic 'topics' existing = {
    name: orderEventsTopicName
  }
}

resource serviceBusDataSenderAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: serviceBusNamespace::orderEventsTopic
  name: guid(serviceBusNamespace::orderEventsTopic.id, functionApp.id, serviceBusDataSender)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataSender)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource serviceBusDataReceiverAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: serviceBusNamespace::orderEventsTopic
  name: guid(serviceBusNamespace::orderEventsTopic.id, functionApp.id, serviceBusDataReceiver)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataReceiver)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Cosmos DB: the data-plane SQL role (read and write items, query, read the change feed), which grants no
// control-plane rights. It covers the change feed processor too: reading the order-events feed and writing its
// leases are item operations. Scoped to the account, which holds only the commerce database: the SDK reads account
// metadata at start-up, which a database-scoped assignment would refuse.
resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' existing = {
  name: cosmosAccountName
}

resource cosmosDataContributorAssignment 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = {
  parent: cosmosAccount
  name: guid(cosmosAccount.id, functionApp.id, cosmosBuiltInDataContributor)
  properties: {
    roleDefinitionId: '${cosmosAccount.id}/sqlRoleDefinitions/${cosmosBuiltInDataContributor}'
    principalId: principalId
    scope: cosmosAccount.id
  }
}

// Application Insights: local auth is off, so telemetry is written with the identity.
resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource monitoringMetricsPublisherAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: applicationInsights
  name: guid(applicationInsights.id, functionApp.id, monitoringMetricsPublisher)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
