// Service Bus namespace with the order-events topic and one filtered subscription per notification channel.
// Entity names come from infra/azure-names.json, the same file the Service Bus adapter embeds.

@description('Service Bus namespace name: 6 to 50 letters, digits and hyphens, starting with a letter.')
@minLength(6)
@maxLength(50)
param namespaceName string

@description('Azure region of the namespace.')
param location string = resourceGroup().location

@description('Tags for the namespace.')
param tags object = {}

@description('Namespace tier: Standard or Premium (topics need at least Standard).')
@allowed([
  'Standard'
  'Premium'
])
param sku string = 'Standard'

@description('How long the topic remembers message ids to drop duplicates the publisher resends (ISO 8601 duration).')
param duplicateDetectionWindow string = 'PT10M'

@description('How long an undelivered message lives before it is dead-lettered (ISO 8601 duration).')
param messageTimeToLive string = 'P14D'

@description('How long a consumer holds a message lock before the message is redelivered (ISO 8601 duration).')
param lockDuration string = 'PT1M'

var names = loadJsonContent('../azure-names.json', '$.serviceBus')

// The order event types a customer is notified about: AsyncCommerce.Notifications.NotificationPlan.NotifyingEventTypes.
// A test compares this list with the C# one, so a new notifying event fails the build instead of never arriving.
var notifyingEventTypes = [
  'OrderConfirmed'
  'PaymentMethodsExhausted'
  'ReadyForPickup'
  'PickupReminderDue'
  'OrderCompleted'
  'OrderCancelled'
  'OrderRejected'
]
var notifyingEventFilter = 'user.${names.eventTypeProperty} IN (${join(map(notifyingEventTypes, eventType => '\'${eventType}\''), ', ')})'

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    // Only Microsoft Entra identities (the app's managed identity) can send or receive: no SAS keys.
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource orderEventsTopic 'Microsoft.ServiceBus/namespaces/topics@2026-01-01' = {
  parent: namespace
  name: names.orderEventsTopic
  properties: {
    // The publisher sets MessageId per event, so a retried publish is dropped instead of notifying twice.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    supportOrdering: true
    defaultMessageTimeToLive: messageTimeToLive
    enableBatchedOperations: true
  }
}

resource notificationSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2026-01-01' = [
  for channel in items(names.subscriptions): {
    parent: orderEventsTopic
    name: channel.value
    properties: {
      // The publisher sets SessionId to the order id: one order's events reach a channel in order.
      requiresSession: true
      maxDeliveryCount: names.maxDeliveryCount
      lockDuration: lockDuration
      defaultMessageTimeToLive: messageTimeToLive
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
      enableBatchedOperations: true
    }
  }
]

// Replaces the catch-all $Default rule, so each channel receives only the events that notify a customer.
resource notifyingEventsRules 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2026-01-01' = [
  for (channel, i) in items(names.subscriptions): {
    parent: notificationSubscriptions[i]
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: notifyingEventFilter
      }
    }
  }
]

@description('Name of the namespace.')
output namespaceName string = namespace.name

@description('Host name clients connect to with their identity (ServiceBus__fullyQualifiedNamespace).')
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'

@description('Name of the topic order events are published to.')
output orderEventsTopicName string = orderEventsTopic.name
