using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mercato.Api.Tests.Infrastructure;

/// <summary>
/// A throwaway Redis started from Debian's <c>redis-server</c> (installed by <c>.ci/run</c>) on a free port, in a temp
/// directory, without persistence; stopped and deleted on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/redis-server";
    private readonly string _dir;
    private readonly Process _process;

    private RedisServer(string dir, Process process, int port)
    {
        _dir = dir;
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} was not found. Install it with 'apt-get install -y redis-server'.");
        var dir = Path.Combine(Path.GetTempPath(), "mercato-redis-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        for (var attempt = 1; ; attempt++)
        {
            var port = PostgresServer.GetFreePort();
            var start = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
            foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dir,
                         "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes" })
                start.ArgumentList.Add(arg);
            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
            // Drain its output so a full pipe never blocks it.
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var server = new RedisServer(dir, process, port);
            if (await server.WaitReadyAsync()) return server;
            await server.StopAsync(deleteDir: false);
            if (attempt == 3)
            {
                Directory.Delete(dir, recursive: true);
                throw new InvalidOperationException($"redis-server did not answer on port {port}.");
            }
        }
    }

    public ValueTask DisposeAsync() => StopAsync(deleteDir: true);

    private async Task<bool> WaitReadyAsync()
    {
        for (var i = 0; i < 100 && !_process.HasExited; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (read > 0 && buffer[0] == (byte)'+') return true;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        return false;
    }

    private async ValueTask StopAsync(bool deleteDir)
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        if (deleteDir && Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }
}
