using System.Security.Cryptography;
using System.Text;
using Mercato.Webhooks.Sending;

namespace Mercato.UnitTests.Webhooks;

public class WebhookSignatureTests
{
    // The Standard Webhooks specification's own example (standard-webhooks/spec, libraries' test vectors).
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecBody = "{\"test\": 2432232314}";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Signing_matches_the_standard_webhooks_reference_example()
    {
        Assert.Equal(SpecSignature, WebhookSignature.Sign(SpecSecret, SpecId, SpecTimestamp, SpecBody));
    }

    [Fact]
    public void The_signature_is_base64_hmac_sha256_of_id_timestamp_and_body_with_the_decoded_secret()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var secret = "whsec_" + Convert.ToBase64String(key);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("evt_1.1700000000.{\"a\":\"é\"}")));

        Assert.Equal(expected, WebhookSignature.Sign(secret, "evt_1", 1700000000, "{\"a\":\"é\"}"));
    }

    [Fact]
    public void During_a_rotation_the_header_carries_one_signature_per_secret_and_either_verifies()
    {
        var current = WebhookSignature.NewSecret();
        var previous = WebhookSignature.NewSecret();

        var header = WebhookSignature.Header([current, previous], "evt_1", 42, "{}");

        var parts = header.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.All(parts, p => Assert.StartsWith("v1,", p));
        Assert.True(WebhookSignature.Verify(current, "evt_1", 42, "{}", header));
        Assert.True(WebhookSignature.Verify(previous, "evt_1", 42, "{}", header));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), "evt_1", 42, "{}", header));
        Assert.False(WebhookSignature.Verify(current, "evt_1", 43, "{}", header));
        Assert.False(WebhookSignature.Verify(current, "evt_1", 42, "{ }", header));
    }

    [Fact]
    public void Generated_secrets_are_whsec_and_base64_of_at_least_24_random_bytes()
    {
        var a = WebhookSignature.NewSecret();
        var b = WebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", a);
        Assert.True(WebhookSignature.KeyOf(a)!.Length >= 24);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("sk_abcdefabcdefabcdefabcdefabcdefabcdef")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_AAAAAAAAAAAAAAAAAAAA")]
    public void Anything_but_a_whsec_secret_of_24_to_64_bytes_is_not_a_key(string? secret)
    {
        Assert.Null(WebhookSignature.KeyOf(secret));
    }
}
