using Mercato.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Transfer;

/// <summary>Reads an uploaded file back from its chunks, one chunk (about 1 MB) in memory at a time.</summary>
internal sealed class ChunkStream(MercatoDb db, string importId, int chunks) : Stream
{
    private byte[] _current = [];
    private int _offset;
    private int _next;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset >= _current.Length)
        {
            if (_next >= chunks) return 0;
            var number = _next++;
            _current = await db.Set<ImportChunk>().AsNoTracking().Where(c => c.ImportId == importId && c.Number == number)
                .Select(c => c.Data).SingleAsync(cancellationToken);
            _offset = 0;
        }
        var n = Math.Min(buffer.Length, _current.Length - _offset);
        _current.AsMemory(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Readers here are async; a synchronous read would block a thread on the database.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read the chunks asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
