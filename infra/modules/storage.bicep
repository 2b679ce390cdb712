// The storage account of the Functions host and Durable Functions (task hub queues, tables and blobs).
// Reached with the app's managed identity only: shared-key access is off.

@description('Storage account name: 3 to 24 lowercase letters and digits, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the account.')
param location string = resourceGroup().location

@description('Tags for the account.')
param tags object = {}

@description('Replicate across availability zones (Standard_ZRS) instead of within one datacenter (Standard_LRS).')
param zoneRedundant bool = false

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: zoneRedundant ? 'Standard_ZRS' : 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    // The Functions host on a Dedicated plan and the Durable Functions Azure Storage provider both connect with
    // AzureWebJobsStorage__accountName and the managed identity, so no key is ever needed.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // The app reaches storage over the public endpoint (no virtual network in this template); access is by identity.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

@description('Name of the storage account.')
output name string = storageAccount.name
