using AsyncCommerce.Adapters.Behaviours.Privacy;
using AsyncCommerce.Adapters.InMemory.Privacy;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Adapters.InMemory.Tests.Privacy;

/// <summary>The shared CustomerKeyStoreBehaviour suite against the in-memory store.</summary>
public sealed class InMemoryCustomerKeyStoreTests : CustomerKeyStoreBehaviour
{
    protected override Task<ICustomerKeyStore> CreatePortAsync() => Task.FromResult<ICustomerKeyStore>(new InMemoryCustomerKeyStore());
}
