using System.Buffers.Binary;

namespace AsyncCommerce.Pickup;

/// <summary>The six-digit code the customer shows at the counter.</summary>
public static class PickupCode
{
    /// <summary>Derived from a replay-safe GUID (<c>context.NewGuid()</c>), so a replay yields the same code.</summary>
    public static string From(Guid seed)
    {
        Span<byte> bytes = stackalloc byte[16];
        seed.TryWriteBytes(bytes);
        var value = BinaryPrimitives.ReadUInt32LittleEndian(bytes) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
