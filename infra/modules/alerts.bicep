// Alerts that need a person: order event messages dead-lettered on their way to the customer, and orders the
// workflows could not finish. Both notify one action group (e-mail optional).

@description('Name of the action group the alerts notify.')
param actionGroupName string

@description('Short name of the action group (up to 12 characters), shown in SMS and e-mail notifications.')
@maxLength(12)
param actionGroupShortName string = 'AsyncComm'

@description('E-mail addresses the action group notifies. Empty: the alerts fire and show in the portal, and nobody is e-mailed.')
param alertEmailAddresses array = []

@description('Name of the alert on dead-lettered order event messages.')
param deadLetterAlertName string

@description('Name of the alert on orders the workflows could not finish.')
param failedOrdersAlertName string

@description('Name of the Service Bus namespace whose dead-letter queues are watched.')
param serviceBusNamespaceName string

@description('Name of the Application Insights resource that receives the app\'s metrics.')
param applicationInsightsName string

@description('Azure region of the log alert (the metric alert and the action group are global).')
param location string = resourceGroup().location

@description('Tags for every alert resource.')
param tags object = {}

@description('Create the alerts enabled. Disabled alerts are deployed but never fire.')
param enabled bool = true

var names = loadJsonContent('../azure-names.json')

resource serviceBus 'Microsoft.ServiceBus/namespaces@2026-01-01' existing = {
  name: serviceBusNamespaceName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: actionGroupShortName
    enabled: true
    emailReceivers: [
      for (address, i) in alertEmailAddresses: {
        name: 'email-${i}'
        emailAddress: address
        useCommonAlertSchema: true
      }
    ]
  }
}

// DeadletteredMessages counts what sits in the dead-letter queues of the topic's subscriptions (a gauge, so its
// maximum over the window): a notification consumer gave a message up, and the customer was not told something.
resource deadLetterAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: deadLetterAlertName
  location: 'global'
  tags: tags
  properties: {
    description: 'Order event messages are dead-lettered on ${names.serviceBus.orderEventsTopic}: a customer notification was given up. Read the dead-letter reason on the message, fix, resubmit.'
    severity: 2
    enabled: enabled
    scopes: [
      serviceBus.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'DeadLetteredOrderEvents'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          dimensions: [
            {
              name: 'EntityName'
              operator: 'Include'
              values: [
                names.serviceBus.orderEventsTopic
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

// The app counts, on the metric named in azure-names.json, every order that ended ProcessingFailed (a step kept
// failing and the order was compensated) and every checkout workflow that failed (after the sale, for an operator).
var failedOrdersQuery = 'customMetrics | where name == \'${names.monitoring.failedOrdersMetric}\' | summarize FailedOrders = sum(valueSum)'

resource failedOrdersAlert 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: failedOrdersAlertName
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: failedOrdersAlertName
    description: 'Orders ended ProcessingFailed, or a checkout workflow failed: an operator must look at them (the order\'s events and its trace say which step).'
    severity: 1
    enabled: enabled
    scopes: [
      applicationInsights.id
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: failedOrdersQuery
          timeAggregation: 'Total'
          metricMeasureColumn: 'FailedOrders'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

@description('Resource id of the action group, for other alerts to notify the same people.')
output actionGroupId string = actionGroup.id
