using System.IO.Compression;
using AsyncCommerce.Adapters.Behaviours.Support;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace AsyncCommerce.LocalHost.Tests.Privacy;

/// <summary>Everything a storage account holds, searched for an erased contact: table entities, blobs (gzip opened), queue messages.</summary>
internal static class AzuriteContents
{
    public static async Task<IReadOnlyList<string>> TracesAsync(string connectionString, ContactTrace trace)
    {
        var found = new List<string>();
        await SearchTablesAsync(new TableServiceClient(connectionString), trace, found);
        await SearchBlobsAsync(new BlobServiceClient(connectionString), trace, found);
        await SearchQueuesAsync(new QueueServiceClient(connectionString), trace, found);
        return found;
    }

    private static async Task SearchTablesAsync(TableServiceClient service, ContactTrace trace, List<string> found)
    {
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (property, value) in entity)
                {
                    var where = $"table {table.Name}, entity {entity.PartitionKey}/{entity.RowKey}, property {property}";
                    var forms = value switch
                    {
                        string text => trace.FoundIn(text),
                        byte[] data => trace.FoundIn(data).Concat(trace.FoundIn(Unzipped(data))),
                        BinaryData data => trace.FoundIn(data.ToMemory()),
                        _ => trace.FoundIn(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
                    };
                    found.AddRange(forms.Select(form => $"{form} in {where}"));
                }
            }
        }
    }

    private static async Task SearchBlobsAsync(BlobServiceClient service, ContactTrace trace, List<string> found)
    {
        await foreach (var container in service.GetBlobContainersAsync())
        {
            var client = service.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                found.AddRange(trace.FoundIn(content).Concat(trace.FoundIn(Unzipped(content))).Select(form => $"{form} in blob {container.Name}/{blob.Name}"));
            }
        }
    }

    private static async Task SearchQueuesAsync(QueueServiceClient service, ContactTrace trace, List<string> found)
    {
        await foreach (var queue in service.GetQueuesAsync())
        {
            foreach (var message in (await service.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                var body = message.Body.ToArray();
                found.AddRange(trace.FoundIn(body).Select(form => $"{form} in a message of queue {queue.Name}"));
            }
        }
    }

    /// <summary>Durable compresses large messages and history payloads with gzip: search what is inside too.</summary>
    private static byte[] Unzipped(byte[] data)
    {
        if (data.Length < 2 || data[0] != 0x1f || data[1] != 0x8b)
            return [];
        try
        {
            using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }
}
