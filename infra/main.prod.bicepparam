// Production: two always-on instances spread across availability zones, zone-redundant storage and Cosmos DB
// with autoscale throughput. Deploy to a region with availability zones.
using 'main.bicep'

param environmentName = 'prod'
param namePrefix = 'acom'
param appServicePlanSku = 'P1v3'
param appServicePlanInstanceCount = 2
param zoneRedundant = true
param logRetentionInDays = 90
param serviceBusSku = 'Standard'
param cosmosServerless = false
param cosmosAutoscaleMaxThroughput = 4000
param tags = {
  criticality: 'high'
}
