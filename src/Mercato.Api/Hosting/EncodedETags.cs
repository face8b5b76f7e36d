using Mercato.Kernel.Http;
using Microsoft.AspNetCore.ResponseCompression;

namespace Mercato.Api.Hosting;

/// <summary>
/// The response compressor, telling <see cref="CacheableJson"/> which encoding it chose at the moment it chooses (before the
/// first byte), so a compressed catalog answer carries its own strong ETag, and the output cache keeps that ETag with it.
/// </summary>
internal sealed class EncodedETags(ResponseCompressionProvider inner) : IResponseCompressionProvider
{
    public ICompressionProvider? GetCompressionProvider(HttpContext context)
    {
        var provider = inner.GetCompressionProvider(context);
        if (provider is not null) CacheableJson.EncodedETag(context, provider.EncodingName);
        return provider;
    }

    public bool ShouldCompressResponse(HttpContext context) => inner.ShouldCompressResponse(context);

    public bool CheckRequestAcceptsCompression(HttpContext context) => inner.CheckRequestAcceptsCompression(context);
}
