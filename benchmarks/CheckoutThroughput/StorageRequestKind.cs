namespace AsyncCommerce.Benchmarks.CheckoutThroughput;

/// <summary>
/// Names a storage request by what it touches, without the keys that make every request unique:
/// "GET OrderEvents (point)", "POST $batch", "DELETE asynccommerce-workitems/messages".
/// </summary>
internal static class StorageRequestKind
{
    public static string Of(string? method, string? uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
            return $"{method} (unparsed)";

        // Azurite's path style puts the account first: /devstoreaccount1/<resource>/...
        var segments = parsed.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        if (segments.Length == 0)
            return $"{method} /";

        var resource = segments[0];
        var keyed = resource.IndexOf('(', StringComparison.Ordinal);
        if (keyed < 0)
            return segments.Length > 1 ? $"{method} {resource}/{segments[1]}" : $"{method} {resource}";

        var table = resource[..keyed];
        var pointRead = resource.Contains("RowKey=", StringComparison.Ordinal);
        var query = parsed.Query.Contains("$filter", StringComparison.Ordinal);
        return $"{method} {table} {(pointRead ? "(point)" : query ? "(query)" : "(scan)")}";
    }
}
