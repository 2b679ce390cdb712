namespace AsyncCommerce.Adapters.Cosmos.Tests.Support;

/// <summary>A fact that needs a real Cosmos DB (<c>COSMOS_CONNECTION</c>); reported skipped, with how to run it, when there is none.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CosmosFactAttribute : FactAttribute
{
    public CosmosFactAttribute()
    {
        if (!CosmosTestAccount.IsConfigured)
            Skip = CosmosTestAccount.SkipReason;
    }
}

