namespace AsyncCommerce.Orders;

/// <summary>
/// Port: the order streams seen as a transactional outbox. An appended event is the record; publishing it is a
/// consequence that must survive a crash between the two and a message bus that is down. Each stream carries a
/// published mark, and a dispatcher publishes what lies above it, then moves the mark up.
/// </summary>
public interface IOrderEventOutbox
{
    /// <summary>
    /// Streams that have events above their published mark (at most <paramref name="max"/>). A stream may still be
    /// listed after it was caught up (a crash between publishing and marking); listing it again is harmless because
    /// publishing is at least once and consumers are idempotent.
    /// </summary>
    Task<IReadOnlyList<PendingStream>> ListPendingAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// The events after <paramref name="publishedSequence"/>, in sequence order: all of them, or the first part (a store
    /// may read only as far as it last saw the stream end). What it leaves out is published in a later round: the
    /// stream stays listed until its mark reaches the end.
    /// </summary>
    Task<IReadOnlyList<OrderEvent>> ReadUnpublishedAsync(string orderId, int publishedSequence, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the stream's published mark up to <paramref name="sequence"/> (never down). The stream stops being listed
    /// once nothing above the mark remains, including events appended while the caller was publishing.
    /// </summary>
    Task MarkPublishedAsync(string orderId, int sequence, CancellationToken cancellationToken = default);
}

/// <summary>A stream with unpublished events: everything after <see cref="PublishedSequence"/> is still to be published.</summary>
public sealed record PendingStream(string OrderId, int PublishedSequence);
