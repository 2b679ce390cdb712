using AsyncCommerce.Concurrency;
using Microsoft.Extensions.Time.Testing;

namespace AsyncCommerce.Orchestrations.Tests.Concurrency;

public sealed class ConflictRetryTests
{
    [Fact]
    public async Task Run_EveryAttemptLosesTheRace_GivesUpAfterTheConfiguredAttemptsWithTheStoresException()
    {
        var attempts = 0;
        var retry = new ConflictRetry(3, TimeSpan.Zero, TimeSpan.Zero, TimeProvider.System, message => new InvalidOperationException(message));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => retry.RunAsync("append", _ => Lost<int>(ref attempts), CancellationToken.None));

        Assert.Equal(3, attempts);
        Assert.Equal("append: still conflicting with concurrent writers after 3 attempt(s).", error.Message);
    }

    [Fact]
    public async Task Run_SecondAttemptDecides_ReturnsItsValue()
    {
        var attempts = 0;
        var retry = new ConflictRetry(5, TimeSpan.Zero, TimeSpan.Zero, TimeProvider.System, message => new InvalidOperationException(message));

        var value = await retry.RunAsync("reserve", _ => ++attempts == 2 ? Task.FromResult(Attempt.Done("won")) : Task.FromResult(Attempt<string>.Retry), CancellationToken.None);

        Assert.Equal("won", value);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Run_AfterALostRace_WaitsOnTheClockNoLongerThanTheFirstBackoff()
    {
        var clock = new FakeTimeProvider();
        var attempts = 0;
        var retry = new ConflictRetry(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), clock, message => new InvalidOperationException(message));

        var running = retry.RunAsync("save", _ => ++attempts == 2 ? Task.FromResult(Attempt.Done(attempts)) : Task.FromResult(Attempt<int>.Retry), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, await running.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Run_OneAttempt_NeverRetries()
    {
        var attempts = 0;
        var retry = new ConflictRetry(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeProvider.System, message => new InvalidOperationException(message));

        await Assert.ThrowsAsync<InvalidOperationException>(() => retry.RunAsync("save", _ => Lost<int>(ref attempts), CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    private static Task<Attempt<T>> Lost<T>(ref int attempts)
    {
        attempts++;
        return Task.FromResult(Attempt<T>.Retry);
    }
}
