using System.Diagnostics.CodeAnalysis;

namespace AsyncCommerce.Concurrency;

/// <summary>The outcome of one attempt of a read-decide-conditional-write cycle: decided with a value, or lost a race.</summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Attempt<T>.Retry and Done name the outcome where a store returns it; the type argument is always known there.")]
public readonly record struct Attempt<T>(bool IsDecided, T? Value) : IAttempt
{
    public static Attempt<T> Retry => default;

    public static Attempt<T> Done(T value) => new(true, value);
}

/// <summary>Shorthands for <see cref="Attempt{T}"/>.</summary>
public static class Attempt
{
    public static Attempt<T> Done<T>(T value) => Attempt<T>.Done(value);
}

/// <summary>Whether an attempt was decided, whatever its value: what <see cref="ConflictRetry"/> retries on.</summary>
public interface IAttempt
{
    bool IsDecided { get; }
}
