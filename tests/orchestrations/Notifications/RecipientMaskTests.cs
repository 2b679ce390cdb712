using AsyncCommerce.Notifications;

namespace AsyncCommerce.Orchestrations.Tests.Notifications;

public sealed class RecipientMaskTests
{
    [Fact]
    public void Email_TypicalAddress_KeepsFirstLetterAndDomain()
    {
        Assert.Equal("a***@example.com", RecipientMask.Email("ada@example.com"));
    }

    [Fact]
    public void Email_LongLocalPart_DoesNotRevealItsLength()
    {
        Assert.Equal("a***@example.com", RecipientMask.Email("ada.lovelace+orders@example.com"));
    }

    [Fact]
    public void Email_OneLetterLocalPart_StillShowsStars()
    {
        Assert.Equal("a***@example.com", RecipientMask.Email("a@example.com"));
    }

    [Theory]
    [InlineData("ada.example.com")]
    [InlineData("@example.com")]
    [InlineData("")]
    public void Email_WithoutLocalPartBeforeAt_IsFullyMasked(string email)
    {
        Assert.Equal("***", RecipientMask.Email(email));
    }

    [Fact]
    public void Email_LocalPartStartingWithSupplementaryCharacter_KeepsTheWholeCharacter()
    {
        // U+1F600 is two UTF-16 code units; keeping only the first leaves a lone surrogate (an ill-formed string).
        Assert.Equal("\U0001F600***@example.com", RecipientMask.Email("\U0001F600ada@example.com"));
    }

    [Fact]
    public void Phone_E164Number_KeepsCountryCodeAndLastThreeDigits()
    {
        Assert.Equal("+1*******567", RecipientMask.Phone("+15551234567"));
    }

    [Fact]
    public void Phone_LongerNumber_MasksEveryMiddleDigit()
    {
        Assert.Equal("+4********456", RecipientMask.Phone("+447911123456"));
    }

    [Fact]
    public void Phone_SixCharacters_MasksOnlyTheMiddleOne()
    {
        Assert.Equal("+1*345", RecipientMask.Phone("+12345"));
    }

    [Theory]
    [InlineData("+1234", "*****")]
    [InlineData("12", "**")]
    [InlineData("", "")]
    public void Phone_FiveCharactersOrFewer_IsFullyMasked(string phone, string masked)
    {
        Assert.Equal(masked, RecipientMask.Phone(phone));
    }
}
