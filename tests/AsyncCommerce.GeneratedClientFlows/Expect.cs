namespace AsyncCommerce.GeneratedClientFlows;

internal static class Expect
{
    /// <summary>Stops the flow, naming what was expected, when <paramref name="condition"/> is false.</summary>
    public static void That(bool condition, string expected)
    {
        if (!condition)
            throw new InvalidOperationException($"Expected {expected}.");
    }
}
