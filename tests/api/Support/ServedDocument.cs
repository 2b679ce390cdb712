using AsyncCommerce.Testing;
using AsyncCommerce.Testing.Contract;

namespace AsyncCommerce.Api.Tests.Support;

/// <summary>The OpenAPI document a local host serves, fetched once for a test class: it does not change between hosts.</summary>
public sealed class ServedDocument : IAsyncLifetime
{
    public ServedContract Contract { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using var app = new CommerceApp();
        Contract = await app.CreateClient().GetContractAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
