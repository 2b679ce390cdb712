namespace AsyncCommerce.Catalog;

public static class Locations
{
    /// <summary>Delivery orders are always served from the fulfillment centre (API.md, workflow rule 1).</summary>
    public const string FulfillmentCentre = "dc-001";
}
