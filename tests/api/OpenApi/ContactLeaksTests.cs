using AsyncCommerce.Testing;
using AsyncCommerce.Testing.Contract;

namespace AsyncCommerce.Api.Tests.OpenApi;

/// <summary>The check every API response of the tests passes (<see cref="ContractChecking"/>): no contact detail a test sent, unmasked.</summary>
public sealed class ContactLeaksTests
{
    [Fact]
    public void Find_BuilderContactWrittenWithJsonEscapes_IsFound()
    {
        var leaks = new ContactLeaks();

        // System.Text.Json writes '+' as \u002B by default.
        var found = leaks.Find("""{"contact":{"email":"ada@example.com","phone":"\u002B15551234567"}}""");

        Assert.Equal(new[] { CheckoutBody.Email, CheckoutBody.Phone }.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_ContactOfAnEarlierCheckout_IsFound()
    {
        var leaks = new ContactLeaks();
        leaks.Learn(CheckoutBody.Pickup().WithContact("grace@example.org", "+442071838750").ToJson());

        var found = leaks.Find("""{"detail":"grace@example.org"}""");

        Assert.Equal(["grace@example.org"], found);
    }

    [Fact]
    public void Find_MaskedContact_IsClean()
    {
        var leaks = new ContactLeaks();

        Assert.Empty(leaks.Find("""{"contact":{"email":"a***@example.com","phone":"+1*******567"}}"""));
    }
}
