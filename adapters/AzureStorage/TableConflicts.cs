using System.Net;
using Azure;

namespace AsyncCommerce.Adapters.AzureStorage;

/// <summary>The answers of Azure Tables that mean "another writer got there first": re-read and decide again.</summary>
internal static class TableConflicts
{
    /// <summary>409: the entity to insert exists. 412: the entity changed (or went) since its ETag was read.</summary>
    public static bool IsLostRace(RequestFailedException error) =>
        error.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed;

    /// <summary>404: the entity to update is gone, which for a conditional write is a lost race as well.</summary>
    public static bool IsLostRaceOrGone(RequestFailedException error) =>
        IsLostRace(error) || error.Status == (int)HttpStatusCode.NotFound;
}
