using Microsoft.DurableTask;

namespace AsyncCommerce.Orders;

public sealed record RecordOrderEventInput(string OrderId, string EventId, DateTimeOffset OccurredAt, OrderEventData Data);

/// <summary>Activity: appends one event to the order's stream, projects it and publishes it. Returns its sequence.</summary>
public sealed class RecordOrderEvent(OrderEventRecorder recorder) : TaskActivity<RecordOrderEventInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, RecordOrderEventInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await recorder.RecordAsync(input.OrderId, input.EventId, input.OccurredAt, input.Data);
        return stored.Sequence;
    }
}
