using Mercato.Channels;
using Mercato.Kernel.Validation;

namespace Mercato.UnitTests.Channels;

public class AllowedOriginsTests
{
    [Theory]
    [InlineData("https://shop.example.com", "https://shop.example.com")]
    [InlineData("HTTPS://Shop.Example.COM/", "https://shop.example.com")]
    [InlineData("https://shop.example.com:443", "https://shop.example.com")]
    [InlineData("http://localhost:3000", "http://localhost:3000")]
    [InlineData("https://shop.example.com:8443", "https://shop.example.com:8443")]
    [InlineData(" https://shop.example.com ", "https://shop.example.com")]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080")]
    public void A_bare_origin_is_kept_in_the_form_a_browser_sends(string input, string origin)
    {
        Assert.True(AllowedOrigins.TryNormalize(input, out var normalized));
        Assert.Equal(origin, normalized);
    }

    [Theory]
    [InlineData("https://shop.example.com/path")]
    [InlineData("https://shop.example.com//")]
    [InlineData("https://shop.example.com?")]
    [InlineData("https://shop.example.com#top")]
    [InlineData("https://*.example.com")]
    [InlineData("*")]
    [InlineData("null")]
    [InlineData("ftp://shop.example.com")]
    [InlineData("file:///etc/passwd")]
    [InlineData("shop.example.com")]
    [InlineData("https://user:pass@shop.example.com")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? input) => Assert.False(AllowedOrigins.TryNormalize(input, out _));

    [Fact]
    public void Duplicates_collapse_and_more_than_twenty_are_refused()
    {
        var v = new Validator();
        Assert.Equal(["https://a.example.com"], AllowedOrigins.Normalize(["https://a.example.com", "https://A.example.com/"], v));
        Assert.True(v.IsValid);

        var tooMany = new Validator();
        Assert.Null(AllowedOrigins.Normalize([.. Enumerable.Range(0, 21).Select(i => $"https://s{i}.example.com")], tooMany));
        Assert.False(tooMany.IsValid);
    }
}
