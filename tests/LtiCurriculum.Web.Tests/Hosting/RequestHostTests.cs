using System.Net.Sockets;
using System.Text;
using LtiCurriculum.Web.Tests.Install;
using LtiCurriculum.Web.Tests.Support;

namespace LtiCurriculum.Web.Tests.Hosting;

/// <summary>
/// Without Tool:PublicBaseUrl the tool writes its address from the request's Host: a Host no URL can carry is a 400
/// that names it, never the 500 of a URL that failed to build. Sent over a raw socket, as HttpClient would refuse them.
/// </summary>
public sealed class RequestHostTests(PublicToolFixture publicTool) : IClassFixture<PublicToolFixture>
{
    [Theory]
    [InlineData("GET /lti-config/canvas.json", "localhost:99999")]
    [InlineData("GET /lti-config/moodle.json", "localhost:99999")]
    [InlineData("GET /lti/login?iss=https%3A%2F%2Fcanvas.instructure.com&login_hint=u&target_link_uri=https%3A%2F%2Fx.example%2F", "localhost:99999")]
    [InlineData("GET /", "a-host-name-label-longer-than-sixty-three-characters-is-refused-by-uri-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_host_no_url_can_carry_is_400_host_invalid(string requestLine, string host)
    {
        await using var tool = await ToolInstance.StartAsync();

        var (status, body) = await SendAsync(tool, $"{requestLine} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\nConnection: close\r\n\r\n");

        Assert.Equal(400, status);
        Assert.Contains("host_invalid", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usable_hosts_pass_and_a_health_probe_without_a_host_is_answered()
    {
        await using var tool = await ToolInstance.StartAsync();

        foreach (var host in new[] { tool.BaseAddress.Authority, "lti.example.edu", "[::1]:8443", "xn--bcher-kva.example" })
        {
            var (status, body) = await SendAsync(tool, $"GET /lti-config/canvas.json HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
            Assert.True(status == 200, $"{host}: {status} {body}");
        }
        Assert.Equal(200, (await SendAsync(tool, "GET /health/live HTTP/1.0\r\n\r\n")).Status);
        Assert.Equal(400, (await SendAsync(tool, "GET /lti-config/canvas.json HTTP/1.0\r\n\r\n")).Status);
    }

    [Fact]
    public async Task With_a_public_base_url_the_host_is_not_used_and_not_checked()
    {
        var (status, body) = await SendAsync(publicTool.Tool, "GET /lti-config/canvas.json HTTP/1.1\r\nHost: localhost:99999\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, status);
        Assert.Contains(PublicToolFixture.PublicBaseUrl + "/lti/launch", body, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string Body)> SendAsync(ToolInstance tool, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(tool.BaseAddress.Host, tool.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
