using System.Text.RegularExpressions;

namespace AsyncCommerce.Infra.Tests;

/// <summary>What a secret looks like in an ARM template, its parameters or its outputs.</summary>
public static partial class Secrets
{
    /// <summary>listKeys, listConnectionStrings, listCredentials, ...: the ARM functions that read secrets.</summary>
    [GeneratedRegex(@"\blist[A-Za-z]*\(")]
    public static partial Regex ListFunction();

    /// <summary>Names of parameters and outputs that would carry a secret.</summary>
    [GeneratedRegex("key|secret|password|connectionstring|sas", RegexOptions.IgnoreCase)]
    public static partial Regex SecretName();

    /// <summary>Fragments of storage and Service Bus connection strings that hold a key.</summary>
    public static IReadOnlyList<string> KeyFragments { get; } = ["AccountKey=", "SharedAccessKey"];

    public static void AssertHoldsNoKey(string text, string where)
    {
        Assert.False(ListFunction().IsMatch(text), $"{where} calls an ARM list*() function, which reads secrets.");
        Assert.All(KeyFragments, fragment => Assert.False(
            text.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"{where} holds a key ({fragment})."));
    }
}
