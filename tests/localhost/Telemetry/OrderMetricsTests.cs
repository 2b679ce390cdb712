using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using AsyncCommerce.Api.Checkout;
using AsyncCommerce.Notifications;
using AsyncCommerce.Orders;
using AsyncCommerce.Telemetry;
using AsyncCommerce.Testing;

namespace AsyncCommerce.LocalHost.Tests.Telemetry;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetrics
{
    // The product's meter is one per process: tests that count its measurements run alone.
    public const string Name = "Process-wide metrics";
}

/// <summary>The business metrics of one order through the real local host, each counted once.</summary>
[Collection(ProcessWideMetrics.Name)]
public sealed class OrderMetricsTests
{
    [Fact]
    public async Task DeliveryOrder_WithADeclinedCardAndAReplayedCheckout_CountsEachFactOnce()
    {
        using var measured = new Measurements();
        await using var app = new CommerceApp();
        var http = app.CreateClient();
        var body = CheckoutBody.Delivery().WithPayments(("card", "tok_decline"), ("wallet", "wal_ok"));

        const string key = "metrics-0001";
        string orderId;
        using (var accepted = await http.PostCheckoutAsync(body, key))
            orderId = (await accepted.Content.ReadFromJsonAsync<CheckoutAccepted>(CommerceJsonDefaults.Options))!.OrderId;
        (await http.PostCheckoutAsync(body, key)).Dispose();

        await http.WaitForStatusAsync(orderId, OrderStatus.Completed);
        await app.NotificationsSettledAsync();

        Assert.Equal(1, measured.Sum(CommerceMetrics.CheckoutsAccepted));
        Assert.Equal(["accepted", "replayed"], measured.Tags(CommerceMetrics.AcceptDuration, CommerceTags.AcceptResult).Order(StringComparer.Ordinal));
        Assert.Equal(["card"], measured.Tags(CommerceMetrics.PaymentFallbacks, CommerceTags.PaymentMethod));
        Assert.Equal(1, measured.Sum(CommerceMetrics.OrdersCompleted));
        Assert.Equal(0, measured.Sum(CommerceMetrics.OrdersRejected) + measured.Sum(CommerceMetrics.OrdersCancelled) + measured.Sum(CommerceMetrics.OrdersFailed));
        var sent = measured.Tags(CommerceMetrics.NotificationsSent, CommerceTags.NotificationKind);
        Assert.Equal(4, sent.Count);
        Assert.Equal(2, sent.Count(kind => kind == nameof(NotificationKind.OrderConfirmed)));
        Assert.Equal(2, sent.Count(kind => kind == nameof(NotificationKind.Completed)));
    }

    /// <summary>Every measurement of the product's meter while it lives, with its tags.</summary>
    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _taken = [];

        public Measurements()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CommerceTelemetry.Name)
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Take(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Take(instrument, value, tags));
            _listener.Start();
        }

        public double Sum(string instrument)
        {
            lock (_taken)
                return _taken.Where(m => m.Instrument == instrument).Sum(m => m.Value);
        }

        public IReadOnlyList<string> Tags(string instrument, string tag)
        {
            lock (_taken)
                return [.. _taken.Where(m => m.Instrument == instrument).Select(m => m.Tags.GetValueOrDefault(tag) as string ?? "")];
        }

        public void Dispose() => _listener.Dispose();

        private void Take(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(tags.ToArray(), StringComparer.Ordinal);
            lock (_taken)
                _taken.Add((instrument.Name, value, copy));
        }
    }
}
