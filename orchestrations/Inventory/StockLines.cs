namespace AsyncCommerce.Inventory;

public static class StockLines
{
    /// <summary>
    /// One line per SKU with the summed quantity. Every inventory store checks a reservation this way: two lines
    /// for one SKU checked one by one against stock could together oversell it.
    /// </summary>
    /// <exception cref="ArgumentException">No lines, or a line without a positive quantity.</exception>
    public static StockLine[] PerSku(IReadOnlyList<StockLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
            throw new ArgumentException("A reservation needs at least one line.", nameof(lines));
        if (lines.Any(line => line.Quantity <= 0))
            throw new ArgumentException("Every line needs a positive quantity.", nameof(lines));

        return [.. lines.GroupBy(line => line.Sku, StringComparer.Ordinal).Select(group => new StockLine(group.Key, group.Sum(line => line.Quantity)))];
    }
}
