namespace AsyncCommerce.LocalHost.Tests.Storage;

/// <summary>
/// The tests that run whole hosts on Azurite, one at a time: each keeps one Azurite process (a single Node.js thread)
/// busy, and run together on two cores they would measure contention rather than the behaviour they check.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteHosts
{
    public const string Name = "Hosts on Azurite";
}
