using AsyncCommerce.Adapters.Behaviours.Support;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Adapters.Behaviours.Privacy;

/// <summary>What every <see cref="ICustomerKeyStore"/> does, whatever keeps the keys.</summary>
public abstract class CustomerKeyStoreBehaviour : PortBehaviour<ICustomerKeyStore>
{
    private readonly string _customerId = NewId("cust");

    [BehaviourFact]
    public async Task GetOrCreate_NewCustomer_CreatesA256BitKey()
    {
        var key = await Port.GetOrCreateAsync(_customerId);

        Assert.Equal(_customerId, key.CustomerId);
        Assert.False(string.IsNullOrEmpty(key.KeyId));
        Assert.Equal(CustomerKey.MaterialBytes, key.Material.Length);
    }

    [BehaviourFact]
    public async Task GetOrCreate_Again_ReturnsTheSameKey()
    {
        var first = await Port.GetOrCreateAsync(_customerId);

        Assert.Equal(first, await Port.GetOrCreateAsync(_customerId));
    }

    [BehaviourFact]
    public async Task GetOrCreate_AnotherCustomer_GetsAnotherKey()
    {
        var mine = await Port.GetOrCreateAsync(_customerId);

        var theirs = await Port.GetOrCreateAsync(NewId("cust"));

        Assert.NotEqual(mine.KeyId, theirs.KeyId);
        Assert.False(mine.Material.Span.SequenceEqual(theirs.Material.Span));
    }

    [BehaviourFact]
    public async Task GetOrCreate_Concurrently_EveryCallerGetsOneKey()
    {
        var keys = await RaceAsync(40, _ => Port.GetOrCreateAsync(_customerId));

        Assert.Single(keys.Distinct());
        Assert.Equal(keys[0], await Port.FindAsync(_customerId, keys[0].KeyId));
    }

    [BehaviourFact]
    public async Task Find_CurrentKeyId_ReturnsTheKey()
    {
        var key = await Port.GetOrCreateAsync(_customerId);

        Assert.Equal(key, await Port.FindAsync(_customerId, key.KeyId));
    }

    [BehaviourFact]
    public async Task Find_UnknownCustomer_ReturnsNull()
    {
        Assert.Null(await Port.FindAsync(NewId("cust"), "no-such-key"));
    }

    [BehaviourFact]
    public async Task Find_AnotherKeyIdOfTheCustomer_ReturnsNull()
    {
        await Port.GetOrCreateAsync(_customerId);

        Assert.Null(await Port.FindAsync(_customerId, "not-the-key-id"));
    }

    [BehaviourFact]
    public async Task Destroy_ExistingKey_FindReturnsNull()
    {
        var key = await Port.GetOrCreateAsync(_customerId);

        await Port.DestroyAsync(_customerId);

        Assert.Null(await Port.FindAsync(_customerId, key.KeyId));
    }

    [BehaviourFact]
    public async Task Destroy_Twice_IsNoError()
    {
        var key = await Port.GetOrCreateAsync(_customerId);
        await Port.DestroyAsync(_customerId);

        await Port.DestroyAsync(_customerId);

        Assert.Null(await Port.FindAsync(_customerId, key.KeyId));
    }

    [BehaviourFact]
    public async Task Destroy_CustomerWithoutKey_IsNoError()
    {
        var customerId = NewId("cust");

        await Port.DestroyAsync(customerId);

        Assert.Null(await Port.FindAsync(customerId, "any"));
    }

    [BehaviourFact]
    public async Task Destroy_LeavesOtherCustomersKeys()
    {
        var other = await Port.GetOrCreateAsync(NewId("cust"));
        await Port.GetOrCreateAsync(_customerId);

        await Port.DestroyAsync(_customerId);

        Assert.Equal(other, await Port.FindAsync(other.CustomerId, other.KeyId));
    }

    [BehaviourFact]
    public async Task GetOrCreate_AfterDestroy_CreatesAFreshKeyAndTheOldOneStaysGone()
    {
        var old = await Port.GetOrCreateAsync(_customerId);
        await Port.DestroyAsync(_customerId);

        var fresh = await Port.GetOrCreateAsync(_customerId);

        Assert.NotEqual(old.KeyId, fresh.KeyId);
        Assert.False(old.Material.Span.SequenceEqual(fresh.Material.Span));
        Assert.Null(await Port.FindAsync(_customerId, old.KeyId));
        Assert.Equal(fresh, await Port.FindAsync(_customerId, fresh.KeyId));
    }

    [BehaviourFact]
    public async Task Keys_CustomerIdWithCharactersKeysRefuse_AreKeptApart()
    {
        // Slashes, hashes and question marks are refused in table keys and Cosmos ids: the store must escape them.
        var odd = $"cust/{Guid.NewGuid():N}#?%";
        var plain = odd.Replace('/', '-');

        var oddKey = await Port.GetOrCreateAsync(odd);
        var plainKey = await Port.GetOrCreateAsync(plain);
        await Port.DestroyAsync(odd);

        Assert.NotEqual(oddKey.KeyId, plainKey.KeyId);
        Assert.Null(await Port.FindAsync(odd, oddKey.KeyId));
        Assert.Equal(plainKey, await Port.FindAsync(plain, plainKey.KeyId));
    }
}
