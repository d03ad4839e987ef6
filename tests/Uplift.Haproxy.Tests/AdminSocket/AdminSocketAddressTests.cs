using Uplift.Diagnostics;
using Uplift.Haproxy;

namespace Uplift.Tests.AdminSocket;

public sealed class AdminSocketAddressTests
{
    [Fact]
    public void Given_a_path_When_parsed_Then_it_is_a_unix_socket()
    {
        var address = AdminSocketAddress.Parse("/run/haproxy/admin.sock");

        (address.IsUnix, address.UnixPath, address.ToString()).ShouldBe((true, "/run/haproxy/admin.sock", "/run/haproxy/admin.sock"));
    }

    [Theory]
    [InlineData("127.0.0.1:9999", "127.0.0.1", 9999)]
    [InlineData("ctl1.example.net:1936", "ctl1.example.net", 1936)]
    [InlineData("[::1]:9999", "::1", 9999)]
    public void Given_host_and_port_When_parsed_Then_it_is_a_tcp_socket(string text, string host, int port)
    {
        var address = AdminSocketAddress.Parse(text);

        (address.IsUnix, address.Host, address.Port).ShouldBe((false, host, port));
    }

    [Theory]
    [InlineData("admin.sock")]
    [InlineData("host:99999")]
    [InlineData("/run/haproxy/admin sock")]
    [InlineData("/run/a,b.sock")]
    [InlineData("/run/x';rm -rf /;'")]
    [InlineData("/run/a:b.sock")]
    [InlineData("")]
    public void Given_something_else_When_parsed_Then_it_is_refused_with_an_example(string text) =>
        Should.Throw<InputException>(() => AdminSocketAddress.Parse(text));
}
