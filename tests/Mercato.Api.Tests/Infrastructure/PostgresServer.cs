using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Mercato.Api.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server started from the locally installed binaries, so integration
/// tests run against the real database engine without Docker or a preconfigured cluster.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private const int StartAttempts = 3;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    // Lazy gives exactly one start per process; a failed start stays failed instead of being retried by every test.
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartSharedAsync);

    private readonly string _binDir;
    private readonly string _rootDir;
    private readonly string _dataDir;
    private readonly string _logFile;
    private readonly bool _runAsPostgres;
    private readonly bool _isShared;
    private int _stopped;

    private PostgresServer(string binDir, string rootDir, bool runAsPostgres, bool isShared)
    {
        _binDir = binDir;
        _rootDir = rootDir;
        _dataDir = Path.Combine(rootDir, "data");
        _logFile = Path.Combine(rootDir, "postgres.log");
        _runAsPostgres = runAsPostgres;
        _isShared = isShared;
    }

    /// <summary>The server started once per test run and stopped when the process exits.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    public int Port { get; private set; }

    /// <summary>Starts a new private server; the caller owns it and must dispose it.</summary>
    public static Task<PostgresServer> StartAsync() => StartCoreAsync(isShared: false);

    public string ConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrEmpty(database);

        // The builder escapes values, so odd database names cannot inject connection-string keys.
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Database = database,
            Pooling = true,
            MaxPoolSize = 50,
            IncludeErrorDetail = true,
        };
        return builder.ConnectionString;
    }

    public async Task CreateDatabaseAsync(string name, string? template = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        var sql = "CREATE DATABASE " + QuoteIdentifier(name);
        if (template is not null)
        {
            // PostgreSQL refuses to copy a template that has other sessions; drop our idle pooled ones.
            NpgsqlConnection.ClearAllPools();
            sql += " TEMPLATE " + QuoteIdentifier(template);
        }

        // No pooling: this maintenance connection must not linger in a pool and block later template copies.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(SuperUser)) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Stops the server and deletes its files. A no-op for <see cref="Shared"/>, which other tests
    /// still use; that one is stopped at process exit.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!_isShared)
        {
            await StopAsync();
        }
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = await StartCoreAsync(isShared: true);

        // Best effort: a killed test host cannot run this, but a normal exit leaves no server behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
        return server;
    }

    private static async Task<PostgresServer> StartCoreAsync(bool isShared)
    {
        var binDir = await FindBinDirectoryAsync();

        // initdb and postgres refuse to run as root, so as root we hand everything to the postgres user.
        var runAsPostgres = !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;
        var rootDir = Path.Combine(Path.GetTempPath(), "mercato-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var server = new PostgresServer(binDir, rootDir, runAsPostgres, isShared);
        try
        {
            await server.InitializeAsync();
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_rootDir);
        }
        else
        {
            Directory.CreateDirectory(_rootDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (_runAsPostgres)
        {
            await RunCheckedAsync("chown", ["-R", SuperUser + ":" + SuperUser, _rootDir], asPostgres: false);
        }

        await RunCheckedAsync(
            Path.Combine(_binDir, "initdb"),
            ["-D", _dataDir, "-A", "trust", "-U", SuperUser, "-E", "UTF8", "--locale=C"],
            _runAsPostgres);

        // Settings go into postgresql.conf rather than pg_ctl -o, because pg_ctl passes -o through a
        // shell and the socket path would need shell quoting. fsync and friends are off: the data is disposable.
        var socketDir = _rootDir.Replace("'", "''", StringComparison.Ordinal);
        var settings = $"""

            # Added by Mercato's PostgresServer test fixture.
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{(OperatingSystem.IsWindows() ? "" : socketDir)}'
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            max_connections = 300

            """;
        await File.AppendAllTextAsync(Path.Combine(_dataDir, "postgresql.conf"), settings);
    }

    private async Task StartServerAsync()
    {
        // The free port can be grabbed by someone else before postgres binds it, so retry with a new one.
        for (var attempt = 1; ; attempt++)
        {
            Port = GetFreePort();
            var port = Port.ToString(CultureInfo.InvariantCulture);
            var (exitCode, output) = await RunAsync(
                Path.Combine(_binDir, "pg_ctl"),
                ["-D", _dataDir, "-o", "-p " + port, "-l", _logFile, "-w", "-t", "60", "start"],
                _runAsPostgres);
            if (exitCode == 0)
            {
                return;
            }

            if (attempt == StartAttempts)
            {
                throw new InvalidOperationException(
                    $"pg_ctl start failed with exit code {exitCode} (port {port}).\n{output}\n--- {_logFile} ---\n{ReadLog()}");
            }

            // A half-started postmaster would hold the data directory; make sure it is gone before retrying.
            await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", _dataDir, "-m", "immediate", "-w", "stop"], _runAsPostgres);
        }
    }

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(_dataDir, "postmaster.pid")))
            {
                await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", _dataDir, "-m", "immediate", "-w", "stop"], _runAsPostgres);
            }
        }
        catch (Exception)
        {
            // Disposal must not throw; a leftover server is reported nowhere better than a failed test run.
        }

        try
        {
            if (Directory.Exists(_rootDir))
            {
                Directory.Delete(_rootDir, recursive: true);
            }
        }
        catch (Exception)
        {
            // Same as above: a leftover temp directory is not worth failing the run for.
        }
    }

    private static async Task<string> FindBinDirectoryAsync()
    {
        var fromEnv = Environment.GetEnvironmentVariable("MERCATO_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return HasInitdb(fromEnv)
                ? fromEnv
                : throw new InvalidOperationException($"MERCATO_PG_BIN is set to '{fromEnv}', but that directory has no initdb.");
        }

        // Debian/Ubuntu keep server binaries off PATH, one directory per major version; prefer the newest.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.EnumerateDirectories(debianRoot)
                .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: ParseVersion(Path.GetFileName(dir))))
                .Where(candidate => HasInitdb(candidate.Dir))
                .OrderByDescending(candidate => candidate.Version)
                .Select(candidate => candidate.Dir)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        // Other distributions and Homebrew put pg_config on PATH, which knows where the server binaries live.
        try
        {
            var (exitCode, output) = await RunAsync("pg_config", ["--bindir"], asPostgres: false);
            var bindir = output.Trim();
            if (exitCode == 0 && HasInitdb(bindir))
            {
                return bindir;
            }
        }
        catch (Win32Exception)
        {
            // pg_config is not on PATH.
        }

        throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with "
            + "'apt-get install -y postgresql' (Debian/Ubuntu), or set MERCATO_PG_BIN to the directory containing initdb.");
    }

    private static bool HasInitdb(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) || File.Exists(Path.Combine(dir, "initdb.exe"));

    // Directory names are "15" or, for old releases, "9.6"; unparsable names sort last.
    private static Version ParseVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version)
            ? version
            : new Version(0, 0);

    /// <summary>A loopback port nobody listens on now (for the throwaway servers the tests start).</summary>
    internal static int GetFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string QuoteIdentifier(string identifier) =>
        "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private string ReadLog()
    {
        try
        {
            return File.Exists(_logFile) ? File.ReadAllText(_logFile) : "(no log file)";
        }
        catch (IOException ex)
        {
            return "(could not read log: " + ex.Message + ")";
        }
    }

    private async Task RunCheckedAsync(string fileName, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var (exitCode, output) = await RunAsync(fileName, arguments, asPostgres);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', arguments)}' failed with exit code {exitCode}.\n{output}\n--- {_logFile} ---\n{ReadLog()}");
        }
    }

    /// <summary>Runs a program without a shell and returns its exit code and combined stdout/stderr.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // The postgres user cannot read root's home, and initdb/postgres complain about an unreadable cwd.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            startInfo.FileName = "runuser";
            foreach (var arg in new[] { "-u", SuperUser, "--", fileName })
            {
                startInfo.ArgumentList.Add(arg);
            }
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var arg in arguments)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{startInfo.FileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {CommandTimeout}.");
        }

        var output = new StringBuilder()
            .Append(await stdout)
            .Append(await stderr)
            .ToString();
        return (process.ExitCode, output);
    }
}
