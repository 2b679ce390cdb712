using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AsyncCommerce.Functions.Tests.Support;

/// <summary>What a trigger's <see cref="IResult"/> wrote to the response, as the ASP.NET Core integration would send it.</summary>
public sealed record ExecutedResponse(int StatusCode, IHeaderDictionary Headers, string ContentType, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

public static class ResultExecution
{
    public static async Task<ExecutedResponse> ExecuteAsync(this IResult result, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var response = request.HttpContext.Response;
        await result.ExecuteAsync(request.HttpContext);
        response.Body.Position = 0;
        using var reader = new StreamReader(response.Body, leaveOpen: true);
        return new ExecutedResponse(response.StatusCode, response.Headers, response.ContentType ?? "", await reader.ReadToEndAsync());
    }
}
