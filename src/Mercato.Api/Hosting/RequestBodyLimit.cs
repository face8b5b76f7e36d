using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Mercato.Api.Hosting;

/// <summary>
/// Caps request bodies (413 problem). Kestrel enforces its own limit too; this one also holds behind proxies and in tests.
/// Runs after routing, so a route may set a limit of its own (<see cref="IRequestSizeLimitMetadata"/>: product imports).
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, long defaultMaxBytes)
{
    public Task InvokeAsync(HttpContext http)
    {
        var maxBytes = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultMaxBytes;
        if (http.Request.ContentLength > maxBytes)
            throw new BadHttpRequestException($"The request body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = maxBytes;
        else http.Request.Body = new LimitedStream(http.Request.Body, maxBytes);
        return next(http);
    }

    /// <summary>Counts bytes of bodies sent without Content-Length where the server gives no limit of its own.</summary>
    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            if (_read > maxBytes)
                throw new BadHttpRequestException($"The request body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
