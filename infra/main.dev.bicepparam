// Development: one small always-on instance, serverless Cosmos DB, no zone redundancy.
using 'main.bicep'

param environmentName = 'dev'
param namePrefix = 'acom'
param appServicePlanSku = 'P0v3'
param appServicePlanInstanceCount = 1
param zoneRedundant = false
param logRetentionInDays = 30
param serviceBusSku = 'Standard'
param cosmosServerless = true
