using System.Net.Sockets;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace AsyncCommerce.LocalHost.EmbeddedEngine;

/// <summary>The socket the embedded sidecar listens on, and the gRPC channel the worker and client use to reach it.</summary>
internal sealed class EmbeddedSidecarEndpoint : IDisposable
{
    private const int MaxConnectAttempts = 10;

    public EmbeddedSidecarEndpoint(IOptions<EmbeddedEngineOptions> options)
    {
        var configured = options.Value.SocketPath;

        // Socket paths are limited to about 100 bytes, so the generated name stays short.
        SocketPath = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetTempPath(), $"asynccommerce-{Guid.NewGuid():N}.sock")
            : configured;

        var handler = new SocketsHttpHandler { ConnectCallback = (_, cancellationToken) => ConnectAsync(cancellationToken) };

        // The authority is never resolved: every connection goes through the callback above.
        Channel = GrpcChannel.ForAddress("http://embedded-sidecar", new GrpcChannelOptions { HttpHandler = handler });
    }

    public string SocketPath { get; }

    public GrpcChannel Channel { get; }

    /// <summary>
    /// Connects to the sidecar's socket. When the listener's accept queue is momentarily full (a busy machine,
    /// many hosts in one test run) Linux refuses a Unix socket connect with EAGAIN, which .NET reports as
    /// "address not available"; nothing was sent yet, so trying again shortly is safe.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException error) when (attempt < MaxConnectAttempts && IsTransient(error.SocketErrorCode))
            {
                socket.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }

    private static bool IsTransient(SocketError error) =>
        error is SocketError.AddressNotAvailable or SocketError.TryAgain or SocketError.WouldBlock or SocketError.NoBufferSpaceAvailable;

    public void DeleteStaleSocket()
    {
        if (File.Exists(SocketPath))
            File.Delete(SocketPath);
    }

    public void Dispose() => Channel.Dispose();
}
