using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Mercato.Api.Tests.Admin.Imports;

/// <summary>One database only (SQLite): the point is streaming and exact error rows at scale, not the provider.</summary>
public sealed class LargeImportOnSqlite(SqliteApp app, ITestOutputHelper output) : IClassFixture<SqliteApp>
{
    private const int Rows = 100_000;
    private static readonly int[] BadRows = [7, 4_242, 50_000, 99_999];

    [Fact]
    public async Task A_100000_row_file_with_bad_rows_reports_exactly_those_rows_and_imports_nothing_in_all_or_nothing_mode()
    {
        var prefix = Given.Unique("bulk");
        var content = new StreamContent(new CsvFile(prefix));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var before = await app.ProductCountAsync();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        var response = await app.Admin.PostAsync("/admin/imports?mode=all-or-nothing", content);
        var accepted = await response.ShouldSucceedAsync();
        var uploaded = clock.Elapsed;
        await app.RunJobsAsync();
        var import = await app.Admin.GetJsonAsync($"/admin/imports/{accepted.Str("id")}");
        output.WriteLine($"upload {uploaded.TotalSeconds:F1} s, validation {(clock.Elapsed - uploaded).TotalSeconds:F1} s, " +
            $"{accepted.Long("bytes") / 1024 / 1024} MB, managed heap growth {(GC.GetTotalMemory(true) - memoryBefore) / 1024 / 1024} MB");

        Assert.Equal("failed", import.Str("status"));
        Assert.Equal(Rows, import.Int("rowsProcessed"));
        Assert.Equal(BadRows.Length, import.Int("errorCount"));
        Assert.Equal(BadRows.Length, import["counts"].Int("failed"));
        Assert.Equal(BadRows.Select(r => (r, "price.USD")), import.ErrorRows());
        var errors = await app.Admin.GetStringAsync($"/admin/imports/{accepted.Str("id")}/errors?format=csv");
        Assert.Equal(BadRows.Select(r => $"{r},price.USD"), errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => string.Join(',', l.Split(',')[..2])));
        Assert.Equal(before, await app.ProductCountAsync());
    }

    /// <summary>The file is generated as it is read: the test never holds it either.</summary>
    private sealed class CsvFile(string prefix) : Stream
    {
        private int _row;
        private byte[] _pending = Encoding.UTF8.GetBytes("handle,title,status,variant.sku,price.USD,price.EUR\n");
        private int _offset;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_offset == _pending.Length)
                {
                    if (_row == Rows) break;
                    _row++;
                    var price = BadRows.Contains(_row) ? "not-a-price" : "1999";
                    _pending = Encoding.UTF8.GetBytes($"{prefix}-{_row},Bulk product {_row},published,{prefix.ToUpperInvariant()}-{_row},{price},1899\n");
                    _offset = 0;
                }
                var n = Math.Min(count - written, _pending.Length - _offset);
                Array.Copy(_pending, _offset, buffer, offset + written, n);
                (_offset, written) = (_offset + n, written + n);
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
