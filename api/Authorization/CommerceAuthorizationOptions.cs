namespace AsyncCommerce.Api.Authorization;

/// <summary><c>Commerce:Authorization</c>: whether the staff and administration routes ask for a bearer token.</summary>
public sealed class CommerceAuthorizationOptions
{
    public const string Section = "Commerce:Authorization";

    /// <summary>
    /// On by default. Off lets anyone call the staff and administration routes, for a quick local walk-through only:
    /// the local host logs a warning at start while it is off.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
