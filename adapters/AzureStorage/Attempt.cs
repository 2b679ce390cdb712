namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>The outcome of one attempt: decided with a value, or lost a race and to be retried.</summary>
internal readonly record struct Attempt<T>(bool IsDecided, T? Value)
{
    public static Attempt<T> Retry => default;

    public static Attempt<T> Done(T value) => new(true, value);
}

/// <summary>Shorthands for <see cref="Attempt{T}"/>.</summary>
internal static class Attempt
{
    public static Attempt<T> Done<T>(T value) => Attempt<T>.Done(value);
}
