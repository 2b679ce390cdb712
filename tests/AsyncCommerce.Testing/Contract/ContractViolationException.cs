namespace AsyncCommerce.Testing.Contract;

/// <summary>A request or response departed from the OpenAPI document the host serves: the document or the code drifted.</summary>
public sealed class ContractViolationException : Exception
{
    public ContractViolationException()
    {
    }

    public ContractViolationException(string message)
        : base(message)
    {
    }

    public ContractViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ContractViolationException For(IReadOnlyList<string> violations) =>
        new($"The exchange departs from the served OpenAPI document:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
}
