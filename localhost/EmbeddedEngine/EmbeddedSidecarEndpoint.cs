using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>The socket the embedded sidecar listens on, and the gRPC channel the worker and client use to reach it.</summary>
internal sealed class EmbeddedSidecarEndpoint : IDisposable
{
    public EmbeddedSidecarEndpoint(IOptions<EmbeddedEngineOptions> options)
    {
        var configured = options.Value.SocketPath;

        // Socket paths are limited to about 100 bytes, so the generated name stays short.
        SocketPath = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetTempPath(), $"asynccommerce-{Guid.NewGuid():N}.sock")
            : configured;

        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

        // The authority is never resolved: every connection goes through the callback above.
        Channel = GrpcChannel.ForAddress("http://embedded-sidecar", new GrpcChannelOptions { HttpHandler = handler });
    }

    public string SocketPath { get; }

    public GrpcChannel Channel { get; }

    public void DeleteStaleSocket()
    {
        if (File.Exists(SocketPath))
            File.Delete(SocketPath);
    }

    public void Dispose() => Channel.Dispose();
}
