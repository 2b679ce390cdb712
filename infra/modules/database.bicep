// Cosmos DB for NoSQL: the account, the commerce database and the containers the Cosmos adapter reads and writes.
// Database, container names, partition keys and TTLs come from infra/azure-names.json, the file the adapter embeds.
// Among them is the lease container of the change feed processor that publishes order events (partition key /id,
// which the processor requires); it shares the database's throughput like the others.

@description('Cosmos DB account name: 3 to 44 lowercase letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(44)
param accountName string

@description('Azure region of the account (its single write region).')
param location string = resourceGroup().location

@description('Tags for the account.')
param tags object = {}

@description('Serverless capacity (pay per request). When false the database gets shared autoscale throughput.')
param serverless bool = true

@description('Autoscale maximum RU/s shared by the containers when the account is not serverless.')
@minValue(1000)
@maxValue(1000000)
param autoscaleMaxThroughput int = 1000

@description('Replicate the region across availability zones.')
param zoneRedundant bool = false

var names = loadJsonContent('../azure-names.json', '$.cosmos')

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: zoneRedundant
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    // Data is reached with Microsoft Entra identities and the data-plane SQL roles only: no account keys,
    // and keys could not change databases or containers either (those belong to this template).
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource commerceDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-10-15' = {
  parent: account
  name: names.database
  properties: {
    resource: {
      id: names.database
    }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = [
  for container in items(names.containers): {
    parent: commerceDatabase
    name: container.value.name
    properties: {
      resource: union(
        {
          id: container.value.name
          partitionKey: {
            paths: [container.value.partitionKey]
            kind: 'Hash'
            version: 2
          }
        },
        // Time to live is on only where the names file declares it (idempotency keys: -1, on with no default, each
        // item carries its own ttl from Commerce:Checkout:IdempotencyRetention); elsewhere it stays off.
        contains(container.value, 'defaultTimeToLiveSeconds')
          ? { defaultTtl: container.value.defaultTimeToLiveSeconds }
          : {}
      )
    }
  }
]

@description('Name of the account.')
output accountName string = account.name

@description('Endpoint clients connect to with their identity (Cosmos__accountEndpoint).')
output accountEndpoint string = account.properties.documentEndpoint
