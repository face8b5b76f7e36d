using System.Net;
using Mercato.Webhooks.Deliveries;
using Mercato.Webhooks.Endpoints;
using Mercato.Webhooks.Sending;

namespace Mercato.UnitTests.Webhooks;

public class NetworkRulesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public void Loopback_private_link_local_cgnat_unspecified_and_multicast_addresses_are_blocked(string address)
    {
        Assert.True(NetworkRules.IsBlocked(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.False(NetworkRules.IsBlocked(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("LOCALHOST", true)]
    [InlineData("api.localhost", true)]
    [InlineData("localhost.example.com", false)]
    [InlineData("hooks.example.com", false)]
    public void Localhost_names_are_local(string host, bool local)
    {
        Assert.Equal(local, NetworkRules.IsLocalName(host));
    }

    [Theory]
    [InlineData("*", "product.created", true)]
    [InlineData("product.created", "product.created", true)]
    [InlineData("product.created", "product.updated", false)]
    [InlineData("order.*", "order.placed", true)]
    [InlineData("order.*", "order_line.created", false)]
    [InlineData("order.*", "orders.placed", false)]
    [InlineData("webhook_endpoint.*", "webhook_endpoint.disabled", true)]
    public void Event_type_patterns_match_exact_names_prefixes_and_everything(string pattern, string type, bool matches)
    {
        Assert.True(EventTypeFilter.IsValidPattern(pattern));
        Assert.Equal(matches, EventTypeFilter.Matches(pattern, type));
    }

    [Fact]
    public void Retries_back_off_exponentially_with_full_jitter_capped_at_four_hours()
    {
        Assert.InRange(DeliverWebhook.Backoff(1, 0.9999999).TotalSeconds, 4.999, 5);
        Assert.InRange(DeliverWebhook.Backoff(2, 0.9999999).TotalSeconds, 9.999, 10);
        Assert.InRange(DeliverWebhook.Backoff(4, 0.9999999).TotalSeconds, 39.999, 40);
        Assert.InRange(DeliverWebhook.Backoff(30, 0.9999999).TotalHours, 3.999, 4);
        Assert.Equal(TimeSpan.FromSeconds(1), DeliverWebhook.Backoff(30, 0));
        Assert.Equal(TimeSpan.FromHours(2), DeliverWebhook.Backoff(30, 0.5));
    }
}
