namespace AsyncCommerce.Adapters.AzureStorage.Tests;

public sealed class TableKeysTests
{
    [Fact]
    public void Escape_OrdinaryId_IsUnchanged() => Assert.Equal("order-1_a.b:C9", TableKeys.Escape("order-1_a.b:C9"));

    [Fact]
    public void Escape_CharactersTablesForbid_AreEncodedOneToOne()
    {
        string[] ids = ["a|b", "a/b", "a\\b", "a#b", "a?b", "a%b", "a\u0001b", "a\u007Fb", "a\u009Fb", "a%002Fb", "a%b/"];

        var escaped = ids.Select(TableKeys.Escape).ToArray();

        Assert.All(escaped, key => Assert.False(key.Any(character => "/\\#?|".Contains(character, StringComparison.Ordinal) || char.IsControl(character)), key));
        Assert.Equal(ids.Length, escaped.Distinct(StringComparer.Ordinal).Count());
    }
}
