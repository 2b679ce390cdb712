using AsyncCommerce.Adapters.InMemory.Privacy;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Orchestrations.Tests.Privacy;

/// <summary>The request fingerprint: one value whether the caller holds the key or has it read, and unmatchable after an erasure.</summary>
public sealed class PersonalDataProtectionTests
{
    private const string CustomerId = "cust-fingerprint";
    private static readonly byte[] Request = "{\"customerId\":\"cust-fingerprint\"}"u8.ToArray();
    private readonly InMemoryCustomerKeyStore _keys = new();

    [Fact]
    public async Task Fingerprint_UnderTheCustomersCurrentKey_EqualsTheFingerprintReadWithTheKey()
    {
        var protection = new PersonalDataProtection(_keys);
        var key = await _keys.GetOrCreateAsync(CustomerId);

        Assert.Equal(await protection.FingerprintAsync(CustomerId, Request), PersonalDataProtection.Fingerprint(key, Request));
    }

    [Fact]
    public async Task Fingerprint_AfterTheCustomersKeyIsDestroyed_NoLongerMatches()
    {
        var before = PersonalDataProtection.Fingerprint(await _keys.GetOrCreateAsync(CustomerId), Request);
        await _keys.DestroyAsync(CustomerId);

        var after = PersonalDataProtection.Fingerprint(await _keys.GetOrCreateAsync(CustomerId), Request);

        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Fingerprint_UnderAKeyCopiedWithOtherMaterial_DiffersFromTheOriginals()
    {
        var key = await _keys.GetOrCreateAsync(CustomerId);
        var original = PersonalDataProtection.Fingerprint(key, Request);

        var copy = key with { Material = CustomerKey.New(CustomerId).Material };

        Assert.NotEqual(original, PersonalDataProtection.Fingerprint(copy, Request));
        Assert.Equal(original, PersonalDataProtection.Fingerprint(key, Request));
    }
}
