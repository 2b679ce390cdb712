using System.Text.Json;
using AsyncCommerce.Catalog;
using AsyncCommerce.Checkout;
using AsyncCommerce.Orders;
using AsyncCommerce.Privacy;
using static AsyncCommerce.Orchestrations.Tests.CheckoutRequests;

namespace AsyncCommerce.Orchestrations.Tests.Checkout;

public sealed class CheckoutValidatorTests
{
    private readonly CheckoutValidator _validator = new(new FixedCatalog(SeedData.Items, SeedData.Stores), OrderEventsBuilder.CustomerKeys);

    // ---- a valid checkout ----

    [Fact]
    public async Task ValidateAsync_ValidPickupCheckout_IsValidWithoutErrors()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout());

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Errors);
    }

    [Fact]
    public async Task ValidateAsync_ValidDeliveryCheckout_IsValidWithoutErrors()
    {
        var validation = await _validator.ValidateAsync(DeliveryCheckout());

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Errors);
    }

    // ---- customerId ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ValidateAsync_MissingCustomerId_ReportsCustomerId(string? customerId)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { CustomerId = customerId });

        Assert.Equal(["customerId"], keys);
    }

    [Fact]
    public async Task ValidateAsync_CustomerIdLongerThanLimit_ReportsCustomerId()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { CustomerId = new string('c', CheckoutLimits.MaxIdLength + 1) });

        Assert.Equal(["customerId"], keys);
    }

    [Fact]
    public async Task ValidateAsync_CustomerIdAtLimit_IsValid()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { CustomerId = new string('c', CheckoutLimits.MaxIdLength) });

        Assert.True(validation.IsValid);
    }

    // ---- contact ----

    [Theory]
    [InlineData("ada")]
    [InlineData("ada@example")]
    [InlineData("ada lovelace@example.com")]
    [InlineData("ada@@example.com")]
    public async Task ValidateAsync_InvalidEmail_ReportsContactEmail(string email)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Contact = new ContactRequest(email, null) });

        Assert.Equal(["contact.email"], keys);
    }

    [Fact]
    public async Task ValidateAsync_EmailLongerThan254_ReportsContactEmail()
    {
        var email = new string('a', 243) + "@example.com";

        var keys = await ErrorKeysAsync(PickupCheckout() with { Contact = new ContactRequest(email, null) });

        Assert.Equal(["contact.email"], keys);
    }

    [Theory]
    [InlineData("5551234567")]
    [InlineData("+05551234567")]
    [InlineData("+1555-123-4567")]
    [InlineData("+123456")]
    [InlineData("+1234567890123456")]
    public async Task ValidateAsync_PhoneNotInE164_ReportsContactPhone(string phone)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Contact = new ContactRequest(null, phone) });

        Assert.Equal(["contact.phone"], keys);
    }

    [Fact]
    public async Task ValidateAsync_NoContact_IsValidWithEmptyContact()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Contact = null });

        Assert.Equal(new Contact(null, null), await OpenedContactAsync(validation));
    }

    [Fact]
    public async Task ValidateAsync_ContactWithSurroundingSpaces_RecordsTrimmedContact()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Contact = new ContactRequest(" ada@example.com ", " +15551234567 ") });

        Assert.Equal(new Contact("ada@example.com", "+15551234567"), await OpenedContactAsync(validation));
    }

    [Fact]
    public async Task ValidateAsync_Contact_IsSealedNotPlain()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Contact = new ContactRequest("ada@example.com", "+15551234567") });

        var placed = JsonSerializer.Serialize<OrderEventData>(validation.Checkout!.Order, CommerceJsonDefaults.Options);
        Assert.DoesNotContain("example.com", placed, StringComparison.Ordinal);
        Assert.DoesNotContain("5551234567", placed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_ValidCheckout_CarriesTheCurrentKeyTheContactIsSealedUnder()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout());

        var checkout = validation.Checkout!;
        Assert.Equal(await OrderEventsBuilder.CustomerKeys.GetOrCreateAsync(checkout.Order.CustomerId), checkout.CustomerKey);
        Assert.Equal(checkout.CustomerKey.KeyId, checkout.Order.Contact.KeyId);
    }

    private static async Task<Contact?> OpenedContactAsync(CheckoutValidation validation) =>
        (await OrderEventsBuilder.Protection.OpenAsync(validation.Checkout!.Order.CustomerId, validation.Checkout.Order.Contact))?.Contact;

    // ---- currency ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ValidateAsync_MissingCurrency_ReportsCurrency(string? currency)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Currency = currency });

        Assert.Equal(["currency"], keys);
    }

    [Fact]
    public async Task ValidateAsync_CurrencyTheCatalogDoesNotPriceIn_ReportsUnsupportedCurrency()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Currency = "EUR" });

        var message = Assert.Single(Assert.Contains("currency", validation.Errors));
        Assert.Contains("Unsupported currency 'EUR'", message, StringComparison.Ordinal);
        Assert.Single(validation.Errors);
    }

    [Fact]
    public async Task ValidateAsync_LowercaseCurrency_PricesInIsoCurrency()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Currency = " usd " });

        Assert.Equal("USD", validation.Checkout?.Order.Total.Currency);
    }

    // ---- lines ----

    [Fact]
    public async Task ValidateAsync_MissingLines_ReportsLines()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Lines = null });

        Assert.Equal(["lines"], keys);
    }

    [Fact]
    public async Task ValidateAsync_EmptyLines_ReportsLines()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Lines = [] });

        Assert.Equal(["lines"], keys);
    }

    [Fact]
    public async Task ValidateAsync_MoreThan50Lines_ReportsLines()
    {
        var lines = Enumerable.Repeat(Line("SKU-1001", 1), CheckoutLimits.MaxLines + 1).ToArray();

        var keys = await ErrorKeysAsync(PickupCheckout() with { Lines = lines });

        Assert.Equal(["lines"], keys);
    }

    [Fact]
    public async Task ValidateAsync_NullLine_ReportsThatLine()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Lines = [Line("SKU-1001", 1), null] });

        Assert.Equal(["lines[1]"], keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(null)]
    public async Task ValidateAsync_QuantityOutsideOneToHundred_ReportsQuantity(int? quantity)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Lines = [Line("SKU-1001", 1), Line("SKU-1002", quantity)] });

        Assert.Equal(["lines[1].quantity"], keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task ValidateAsync_QuantityAtBound_IsValid(int quantity)
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Lines = [Line("SKU-1001", quantity)] });

        Assert.True(validation.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task ValidateAsync_MissingSku_ReportsSku(string? sku)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Lines = [Line(sku, 1)] });

        Assert.Equal(["lines[0].sku"], keys);
    }

    [Fact]
    public async Task ValidateAsync_UnknownSku_ReportsSku()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Lines = [Line("SKU-1001", 1), Line("SKU-9999", 1)] });

        var message = Assert.Single(Assert.Contains("lines[1].sku", validation.Errors));
        Assert.Contains("Unknown SKU 'SKU-9999'", message, StringComparison.Ordinal);
        Assert.Single(validation.Errors);
    }

    [Fact]
    public async Task ValidateAsync_SameSkuOnTwoLines_ReportsTheSecondLine()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Lines = [Line("SKU-1001", 1), Line("SKU-1002", 1), Line("SKU-1001", 3)] });

        Assert.Equal(["lines[2].sku"], keys);
    }

    // ---- fulfillment ----

    [Fact]
    public async Task ValidateAsync_MissingFulfillment_ReportsFulfillment()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Fulfillment = null });

        Assert.Equal(["fulfillment"], keys);
    }

    [Theory]
    [InlineData("shipping")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ValidateAsync_UnknownFulfillmentType_ReportsFulfillmentType(string? type)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Fulfillment = new FulfillmentRequest(type, "store-001", Address()) });

        Assert.Equal(["fulfillment.type"], keys);
    }

    [Theory]
    [InlineData("PICKUP")]
    [InlineData(" Pickup ")]
    public async Task ValidateAsync_FulfillmentTypeInOtherCase_IsAccepted(string type)
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Fulfillment = new FulfillmentRequest(type, "store-001", null) });

        Assert.Equal(FulfillmentType.Pickup, validation.Checkout?.Order.Fulfillment.Type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public async Task ValidateAsync_PickupWithoutStoreId_ReportsStoreId(string? storeId)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Fulfillment = new FulfillmentRequest("pickup", storeId, null) });

        Assert.Equal(["fulfillment.storeId"], keys);
    }

    [Fact]
    public async Task ValidateAsync_PickupAtUnknownStore_ReportsStoreId()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout("store-999"));

        var message = Assert.Single(Assert.Contains("fulfillment.storeId", validation.Errors));
        Assert.Contains("Unknown store 'store-999'", message, StringComparison.Ordinal);
        Assert.Single(validation.Errors);
    }

    [Fact]
    public async Task ValidateAsync_DeliveryWithoutAddress_ReportsAddress()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Fulfillment = DeliveryTo(null) });

        Assert.Equal(["fulfillment.address"], keys);
    }

    [Theory]
    [InlineData("line1", null)]
    [InlineData("line1", " ")]
    [InlineData("city", null)]
    [InlineData("city", "")]
    [InlineData("postalCode", null)]
    [InlineData("postalCode", "  ")]
    [InlineData("country", null)]
    [InlineData("country", "")]
    public async Task ValidateAsync_DeliveryAddressFieldMissing_ReportsThatField(string field, string? value)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Fulfillment = DeliveryTo(AddressWith(field, value)) });

        Assert.Equal([$"fulfillment.address.{field}"], keys);
    }

    [Theory]
    [InlineData("line1", 201)]
    [InlineData("city", 101)]
    [InlineData("postalCode", 21)]
    public async Task ValidateAsync_DeliveryAddressFieldTooLong_ReportsThatField(string field, int length)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Fulfillment = DeliveryTo(AddressWith(field, new string('9', length))) });

        Assert.Equal([$"fulfillment.address.{field}"], keys);
    }

    [Theory]
    [InlineData("USA")]
    [InlineData("U")]
    [InlineData("U1")]
    [InlineData("12")]
    public async Task ValidateAsync_CountryNotIsoAlpha2_ReportsCountry(string country)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Fulfillment = DeliveryTo(AddressWith("country", country)) });

        Assert.Equal(["fulfillment.address.country"], keys);
    }

    [Fact]
    public async Task ValidateAsync_LowercaseCountry_RecordsUppercaseCountry()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Fulfillment = DeliveryTo(AddressWith("country", " us ")) });

        Assert.Equal("US", validation.Checkout?.Order.Fulfillment.Address?.Country);
    }

    // ---- payments ----

    [Fact]
    public async Task ValidateAsync_MissingPayments_ReportsPayments()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Payments = null });

        Assert.Equal(["payments"], keys);
    }

    [Fact]
    public async Task ValidateAsync_EmptyPayments_ReportsPayments()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Payments = [] });

        Assert.Equal(["payments"], keys);
    }

    [Fact]
    public async Task ValidateAsync_MoreThanFivePayments_ReportsPayments()
    {
        var payments = Enumerable.Repeat(Payment("card", "tok_visa"), CheckoutLimits.MaxPayments + 1).ToArray();

        var keys = await ErrorKeysAsync(PickupCheckout() with { Payments = payments });

        Assert.Equal(["payments"], keys);
    }

    [Fact]
    public async Task ValidateAsync_FivePayments_IsValid()
    {
        var payments = Enumerable.Repeat(Payment("card", "tok_visa"), CheckoutLimits.MaxPayments).ToArray();

        var validation = await _validator.ValidateAsync(PickupCheckout() with { Payments = payments });

        Assert.True(validation.IsValid);
    }

    [Fact]
    public async Task ValidateAsync_NullPayment_ReportsThatPayment()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Payments = [Payment("card", "tok_visa"), null] });

        Assert.Equal(["payments[1]"], keys);
    }

    [Theory]
    [InlineData("bitcoin")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ValidateAsync_UnknownPaymentMethod_ReportsMethod(string? method)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Payments = [Payment("card", "tok_visa"), Payment(method, "tok_x")] });

        Assert.Equal(["payments[1].method"], keys);
    }

    [Fact]
    public async Task ValidateAsync_PayInStoreOnDelivery_ReportsMethod()
    {
        var keys = await ErrorKeysAsync(DeliveryCheckout() with { Payments = [Payment("payinstore", "store")] });

        Assert.Equal(["payments[0].method"], keys);
    }

    [Fact]
    public async Task ValidateAsync_PayInStoreOnPickup_IsValid()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Payments = [Payment("payinstore", "store")] });

        Assert.True(validation.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ValidateAsync_MissingToken_ReportsToken(string? token)
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Payments = [Payment("card", token)] });

        Assert.Equal(["payments[0].token"], keys);
    }

    [Fact]
    public async Task ValidateAsync_TokenLongerThanLimit_ReportsToken()
    {
        var keys = await ErrorKeysAsync(PickupCheckout() with { Payments = [Payment("card", new string('t', CheckoutLimits.MaxTokenLength + 1))] });

        Assert.Equal(["payments[0].token"], keys);
    }

    [Fact]
    public async Task ValidateAsync_PaymentsInPreferenceOrder_KeepsOrderWithNormalisedMethods()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Payments = [Payment(" Wallet ", "wal_ok"), Payment("CARD", "tok_visa")] });

        Assert.Equal([new PaymentInstruction("wallet", "wal_ok"), new PaymentInstruction("card", "tok_visa")], validation.Checkout?.Payments);
        Assert.Equal(["wallet", "card"], validation.Checkout?.Order.PaymentMethods);
    }

    // ---- every problem at once ----

    [Fact]
    public async Task ValidateAsync_ManyProblems_ReportsEveryProblemAtOnce()
    {
        var request = new CheckoutRequest(
            CustomerId: "",
            new ContactRequest("not-an-email", "555"),
            Currency: null,
            [Line("SKU-1001", 0), Line("SKU-9999", 1), null],
            new FulfillmentRequest("pickup", "store-999", null),
            [Payment("bitcoin", ""), null]);

        var keys = await ErrorKeysAsync(request);

        Assert.Equal(
            ["contact.email", "contact.phone", "currency", "customerId", "fulfillment.storeId", "lines[0].quantity", "lines[1].sku", "lines[2]", "payments[0].method", "payments[0].token", "payments[1]"],
            keys);
    }

    [Fact]
    public async Task ValidateAsync_InvalidDeliveryAddressAndPayInStore_ReportsBoth()
    {
        var request = PickupCheckout() with
        {
            Fulfillment = DeliveryTo(AddressWith("postalCode", null)),
            Payments = [Payment("payinstore", "store")],
        };

        var keys = await ErrorKeysAsync(request);

        Assert.Equal(["fulfillment.address.postalCode", "payments[0].method"], keys);
    }

    [Fact]
    public async Task ValidateAsync_InvalidRequest_ReturnsNoCheckout()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Lines = [] });

        Assert.False(validation.IsValid);
        Assert.Null(validation.Checkout);
    }

    // ---- pricing from the catalog ----

    [Fact]
    public async Task ValidateAsync_ValidLines_TakesUnitPricesFromTheCatalog()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Lines = [Line("SKU-1001", 2), Line("SKU-1002", 3)] });

        Assert.Equal([129.99m, 24.50m], validation.Checkout?.Order.Lines.Select(l => l.UnitPrice));
    }

    [Fact]
    public async Task ValidateAsync_ValidLines_ComputesLineTotalsFromQuantity()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Lines = [Line("SKU-1001", 2), Line("SKU-1002", 3)] });

        Assert.Equal(
            [new OrderLine("SKU-1001", 2, 129.99m, 259.98m), new OrderLine("SKU-1002", 3, 24.50m, 73.50m)],
            validation.Checkout?.Order.Lines);
    }

    [Fact]
    public async Task ValidateAsync_ValidLines_TotalsTheLineTotalsInTheRequestCurrency()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout() with { Lines = [Line("SKU-1001", 2), Line("SKU-1002", 3)] });

        Assert.Equal(new Money(333.48m, "USD"), validation.Checkout?.Order.Total);
    }

    [Fact]
    public async Task ValidateAsync_BodyCarryingClientPrices_PricesFromTheCatalog()
    {
        const string body = """
            {
              "customerId": "cust-42", "currency": "USD",
              "lines": [ { "sku": "SKU-1001", "quantity": 1, "unitPrice": 0.01, "lineTotal": 0.01 } ],
              "total": { "amount": 0.01, "currency": "USD" },
              "fulfillment": { "type": "pickup", "storeId": "store-001" },
              "payments": [ { "method": "card", "token": "tok_visa" } ]
            }
            """;
        var request = JsonSerializer.Deserialize<CheckoutRequest>(body, CommerceJsonDefaults.Options)!;

        var validation = await _validator.ValidateAsync(request);

        Assert.Equal(new OrderLine("SKU-1001", 1, 129.99m, 129.99m), Assert.Single(validation.Checkout!.Order.Lines));
        Assert.Equal(new Money(129.99m, "USD"), validation.Checkout.Order.Total);
    }

    // ---- where the stock is reserved ----

    [Fact]
    public async Task ValidateAsync_Pickup_ReservesAtThePickupStore()
    {
        var validation = await _validator.ValidateAsync(PickupCheckout("store-002"));

        Assert.Equal("store-002", validation.Checkout?.Order.LocationId);
    }

    [Fact]
    public async Task ValidateAsync_Delivery_ReservesAtTheFulfillmentCentre()
    {
        var validation = await _validator.ValidateAsync(DeliveryCheckout());

        Assert.Equal("dc-001", validation.Checkout?.Order.LocationId);
    }

    [Fact]
    public async Task ValidateAsync_Delivery_RecordsTheDeliveryAddress()
    {
        var validation = await _validator.ValidateAsync(DeliveryCheckout());

        Assert.Equal(
            new Fulfillment(FulfillmentType.Delivery, null, new AsyncCommerce.Orders.Address("1 Main St", "Springfield", "12345", "US")),
            validation.Checkout?.Order.Fulfillment);
    }

    // ---- a payment method added later ----

    [Fact]
    public void ValidateAddedPayment_ValidCard_HasNoErrors()
    {
        var errors = CheckoutValidator.ValidateAddedPayment(Payment("card", "tok_visa"), FulfillmentType.Delivery);

        Assert.Empty(errors);
    }

    [Fact]
    public void ValidateAddedPayment_MissingBody_ReportsTheRoot()
    {
        var errors = CheckoutValidator.ValidateAddedPayment(null, FulfillmentType.Pickup);

        Assert.Equal(["$"], errors.Keys);
    }

    [Fact]
    public void ValidateAddedPayment_UnknownMethod_ReportsMethod()
    {
        var errors = CheckoutValidator.ValidateAddedPayment(Payment("bitcoin", "tok_visa"), FulfillmentType.Pickup);

        Assert.Equal(["method"], errors.Keys);
    }

    [Fact]
    public void ValidateAddedPayment_PayInStoreOnDelivery_ReportsMethod()
    {
        var errors = CheckoutValidator.ValidateAddedPayment(Payment("payinstore", "store"), FulfillmentType.Delivery);

        Assert.Equal(["method"], errors.Keys);
    }

    [Fact]
    public void ValidateAddedPayment_PayInStoreOnPickup_HasNoErrors()
    {
        var errors = CheckoutValidator.ValidateAddedPayment(Payment("payinstore", "store"), FulfillmentType.Pickup);

        Assert.Empty(errors);
    }

    [Fact]
    public void ValidateAddedPayment_MissingToken_ReportsToken()
    {
        var errors = CheckoutValidator.ValidateAddedPayment(Payment("wallet", null), FulfillmentType.Pickup);

        Assert.Equal(["token"], errors.Keys);
    }

    private async Task<string[]> ErrorKeysAsync(CheckoutRequest request)
    {
        var validation = await _validator.ValidateAsync(request);
        return [.. validation.Errors.Keys.Order(StringComparer.Ordinal)];
    }
}
