namespace AsyncCommerce.Orders;

public sealed record Money(decimal Amount, string Currency);
