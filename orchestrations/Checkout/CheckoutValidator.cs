using System.Text.RegularExpressions;
using AsyncCommerce.Catalog;
using AsyncCommerce.Orders;
using AsyncCommerce.Payments;
using AsyncCommerce.Privacy;

namespace AsyncCommerce.Checkout;

/// <summary>
/// Validates a checkout at the edge and prices it from the catalog (never from the client). Reports every
/// problem at once, keyed by JSON path, so a storefront can fix a request in one round trip.
/// </summary>
public sealed partial class CheckoutValidator(ICatalog catalog, ICustomerKeyStore keys)
{
    public async Task<CheckoutValidation> ValidateAsync(CheckoutRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();

        var customerId = RequireId(request.CustomerId, "customerId", errors);
        var contact = ValidateContact(request.Contact, errors);
        var currency = request.Currency?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(currency))
            errors.Add("currency", "The currency is required (ISO 4217, e.g. USD).");

        var fulfillment = await ValidateFulfillmentAsync(request.Fulfillment, errors, cancellationToken);
        var lines = await PriceLinesAsync(request.Lines, currency, errors, cancellationToken);

        // The requested type, not the validated fulfillment: a bad address must not hide a payinstore-on-delivery problem.
        var payments = ValidatePayments(request.Payments, RequestedFulfillmentType(request.Fulfillment), errors);

        if (errors.Any || customerId is null || currency is null || fulfillment is null || lines is null || payments is null)
            return new CheckoutValidation(null, errors.ToDictionary());

        var total = new Money(lines.Sum(l => l.LineTotal), currency);
        var locationId = fulfillment.Type == FulfillmentType.Pickup ? fulfillment.StoreId! : Locations.FulfillmentCentre;
        // Sealed here, before anything is stored, so that no store and no message ever holds the contact in plain text.
        var customerKey = await keys.GetOrCreateAsync(customerId, cancellationToken);
        var sealedContact = PersonalDataProtection.Seal(customerKey, contact);
        var placed = new OrderPlaced(customerId, sealedContact, fulfillment, locationId, lines, total, [.. payments.Select(p => p.Method)]);
        return new CheckoutValidation(new ValidatedCheckout(placed, payments, customerKey), errors.ToDictionary());
    }

    /// <summary>Validates a payment method added to an order that is waiting for one.</summary>
    public static IReadOnlyDictionary<string, string[]> ValidateAddedPayment(PaymentMethodRequest? payment, FulfillmentType fulfillment)
    {
        var errors = new ValidationErrors();
        ValidatePayment(payment, string.Empty, fulfillment, errors);
        return errors.ToDictionary();
    }

    private static string? RequireId(string? value, string path, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "A value is required.");
            return null;
        }

        if (value.Length > CheckoutLimits.MaxIdLength)
        {
            errors.Add(path, $"At most {CheckoutLimits.MaxIdLength} characters.");
            return null;
        }

        return value.Trim();
    }

    private static Contact ValidateContact(ContactRequest? contact, ValidationErrors errors)
    {
        var email = string.IsNullOrWhiteSpace(contact?.Email) ? null : contact.Email.Trim();
        var phone = string.IsNullOrWhiteSpace(contact?.Phone) ? null : contact.Phone.Trim();
        if (email is not null && (email.Length > 254 || !EmailPattern().IsMatch(email)))
            errors.Add("contact.email", "Not a valid email address.");
        if (phone is not null && !PhonePattern().IsMatch(phone))
            errors.Add("contact.phone", "Not a valid phone number; use E.164, e.g. +15551234567.");
        return new Contact(email, phone);
    }

    private async Task<Fulfillment?> ValidateFulfillmentAsync(FulfillmentRequest? fulfillment, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (fulfillment is null)
        {
            errors.Add("fulfillment", "The fulfillment is required: { \"type\": \"pickup\", \"storeId\" } or { \"type\": \"delivery\", \"address\" }.");
            return null;
        }

        switch (fulfillment.Type?.Trim().ToLowerInvariant())
        {
            case "pickup":
                if (string.IsNullOrWhiteSpace(fulfillment.StoreId))
                {
                    errors.Add("fulfillment.storeId", "A pickup order needs a storeId.");
                    return null;
                }

                if (await catalog.FindStoreAsync(fulfillment.StoreId, cancellationToken) is null)
                {
                    errors.Add("fulfillment.storeId", $"Unknown store '{fulfillment.StoreId}'.");
                    return null;
                }

                return new Fulfillment(FulfillmentType.Pickup, fulfillment.StoreId, null);
            case "delivery":
                var address = ValidateAddress(fulfillment.Address, errors);
                return address is null ? null : new Fulfillment(FulfillmentType.Delivery, null, address);
            default:
                errors.Add("fulfillment.type", "Must be 'pickup' or 'delivery'.");
                return null;
        }
    }

    private static FulfillmentType? RequestedFulfillmentType(FulfillmentRequest? fulfillment) =>
        fulfillment?.Type?.Trim().ToLowerInvariant() switch
        {
            "pickup" => FulfillmentType.Pickup,
            "delivery" => FulfillmentType.Delivery,
            _ => null,
        };

    private static Address? ValidateAddress(AddressRequest? address, ValidationErrors errors)
    {
        if (address is null)
        {
            errors.Add("fulfillment.address", "A delivery order needs an address.");
            return null;
        }

        var line1 = RequireText(address.Line1, "fulfillment.address.line1", CheckoutLimits.MaxAddressLineLength, errors);
        var city = RequireText(address.City, "fulfillment.address.city", CheckoutLimits.MaxCityLength, errors);
        var postalCode = RequireText(address.PostalCode, "fulfillment.address.postalCode", CheckoutLimits.MaxPostalCodeLength, errors);
        var country = address.Country?.Trim().ToUpperInvariant();
        if (country is null || !CountryPattern().IsMatch(country))
        {
            errors.Add("fulfillment.address.country", "An ISO 3166-1 alpha-2 country code is required, e.g. US.");
            country = null;
        }

        return line1 is null || city is null || postalCode is null || country is null ? null : new Address(line1, city, postalCode, country);
    }

    private static string? RequireText(string? value, string path, int maxLength, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, "A value is required.");
            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(path, $"At most {maxLength} characters.");
            return null;
        }

        return value.Trim();
    }

    private async Task<IReadOnlyList<OrderLine>?> PriceLinesAsync(
        IReadOnlyList<CheckoutLineRequest?>? lines, string? currency, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (lines is null || lines.Count < CheckoutLimits.MinLines)
        {
            errors.Add("lines", "At least one line is required.");
            return null;
        }

        if (lines.Count > CheckoutLimits.MaxLines)
        {
            errors.Add("lines", $"At most {CheckoutLimits.MaxLines} lines.");
            return null;
        }

        var priced = new List<OrderLine>(lines.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var currencyMismatch = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var path = $"lines[{i}]";
            if (line is null)
            {
                errors.Add(path, "A line is required.");
                continue;
            }

            if (line.Quantity is not { } quantity || quantity < CheckoutLimits.MinQuantity || quantity > CheckoutLimits.MaxQuantity)
                errors.Add($"{path}.quantity", $"The quantity must be between {CheckoutLimits.MinQuantity} and {CheckoutLimits.MaxQuantity}.");

            if (string.IsNullOrWhiteSpace(line.Sku))
            {
                errors.Add($"{path}.sku", "A SKU is required.");
                continue;
            }

            if (!seen.Add(line.Sku))
            {
                errors.Add($"{path}.sku", $"SKU '{line.Sku}' appears on more than one line; put the whole quantity on one line.");
                continue;
            }

            var item = await catalog.FindItemAsync(line.Sku, cancellationToken);
            if (item is null)
            {
                errors.Add($"{path}.sku", $"Unknown SKU '{line.Sku}'.");
                continue;
            }

            if (currency is not null && !string.Equals(item.Currency, currency, StringComparison.Ordinal))
                currencyMismatch = true;

            if (line.Quantity is { } valid and >= CheckoutLimits.MinQuantity and <= CheckoutLimits.MaxQuantity)
                priced.Add(new OrderLine(item.Sku, valid, item.UnitPrice, item.UnitPrice * valid));
        }

        if (currencyMismatch)
            errors.Add("currency", $"Unsupported currency '{currency}': the catalog prices these items in another currency.");
        return priced.Count == lines.Count ? priced : null;
    }

    private static List<PaymentInstruction>? ValidatePayments(
        IReadOnlyList<PaymentMethodRequest?>? payments, FulfillmentType? fulfillment, ValidationErrors errors)
    {
        if (payments is null || payments.Count < CheckoutLimits.MinPayments)
        {
            errors.Add("payments", "At least one payment method is required.");
            return null;
        }

        if (payments.Count > CheckoutLimits.MaxPayments)
        {
            errors.Add("payments", $"At most {CheckoutLimits.MaxPayments} payment methods.");
            return null;
        }

        var valid = new List<PaymentInstruction>(payments.Count);
        for (var i = 0; i < payments.Count; i++)
        {
            if (ValidatePayment(payments[i], $"payments[{i}]", fulfillment, errors) is { } payment)
                valid.Add(payment);
        }

        return valid.Count == payments.Count ? valid : null;
    }

    private static PaymentInstruction? ValidatePayment(PaymentMethodRequest? payment, string path, FulfillmentType? fulfillment, ValidationErrors errors)
    {
        var prefix = path.Length == 0 ? string.Empty : path + ".";
        if (payment is null)
        {
            errors.Add(path.Length == 0 ? "$" : path, "A payment method is required.");
            return null;
        }

        var method = payment.Method?.Trim().ToLowerInvariant();
        var ok = true;
        if (string.IsNullOrEmpty(method) || !PaymentMethods.All.Contains(method))
        {
            errors.Add($"{prefix}method", $"Unknown payment method '{payment.Method}'; expected one of: {string.Join(", ", PaymentMethods.All)}.");
            ok = false;
        }
        else if (method == PaymentMethods.PayInStore && fulfillment == FulfillmentType.Delivery)
        {
            errors.Add($"{prefix}method", "Pay in store is only possible for pickup orders.");
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(payment.Token) || payment.Token.Length > CheckoutLimits.MaxTokenLength)
        {
            errors.Add($"{prefix}token", $"A payment token of at most {CheckoutLimits.MaxTokenLength} characters is required.");
            ok = false;
        }

        return ok ? new PaymentInstruction(method!, payment.Token!) : null;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
