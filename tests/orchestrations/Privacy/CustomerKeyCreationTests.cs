using AsyncCommerce.Privacy;

namespace AsyncCommerce.Orchestrations.Tests.Privacy;

public sealed class CustomerKeyCreationTests
{
    // Any customer: the loop only passes the id through to the store.
    private static readonly string CustomerId = $"cust-{Guid.NewGuid():N}";

    [Fact]
    public async Task GetOrCreate_WhenTheCustomerHasAKey_ReturnsItWithoutInserting()
    {
        var existing = CustomerKey.New(CustomerId);
        var inserted = new List<CustomerKey>();

        var key = await CustomerKeyCreation.GetOrCreateAsync(CustomerId, (_, _) => Task.FromResult<CustomerKey?>(existing), Insert(inserted, wins: true), CancellationToken.None);

        Assert.Equal(existing, key);
        Assert.Empty(inserted);
    }

    [Fact]
    public async Task GetOrCreate_WhenTheCustomerHasNoKey_InsertsANewOneAndReturnsIt()
    {
        var inserted = new List<CustomerKey>();

        var key = await CustomerKeyCreation.GetOrCreateAsync(CustomerId, (_, _) => Task.FromResult<CustomerKey?>(null), Insert(inserted, wins: true), CancellationToken.None);

        Assert.Equal(Assert.Single(inserted), key);
        Assert.Equal(CustomerId, key.CustomerId);
    }

    [Fact]
    public async Task GetOrCreate_WhenAnotherCallerInsertsFirst_ReturnsTheWinnersKey()
    {
        var winners = CustomerKey.New(CustomerId);
        var reads = 0;

        var key = await CustomerKeyCreation.GetOrCreateAsync(
            CustomerId,
            (_, _) => Task.FromResult(++reads == 1 ? null : winners),
            Insert([], wins: false),
            CancellationToken.None);

        Assert.Equal(winners, key);
    }

    [Fact]
    public async Task GetOrCreate_WhenEveryInsertLosesAndNoKeyCanBeRead_GivesUpNamingTheCustomer()
    {
        var inserted = new List<CustomerKey>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CustomerKeyCreation.GetOrCreateAsync(CustomerId, (_, _) => Task.FromResult<CustomerKey?>(null), Insert(inserted, wins: false), CancellationToken.None));

        Assert.Equal($"Customer {CustomerId}: no data key could be read or created in 10 rounds.", error.Message);
        Assert.Equal(10, inserted.Count);
    }

    private static Func<CustomerKey, CancellationToken, Task<bool>> Insert(List<CustomerKey> inserted, bool wins) => (key, _) =>
    {
        inserted.Add(key);
        return Task.FromResult(wins);
    };
}
