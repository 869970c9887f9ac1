using System.Net;
using LtiCurriculum.Lti.Registration;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.Lti.Tests.Registration;

/// <summary>Reading the platform's OpenID configuration (LTI Dynamic Registration 1.0 §3.4, §3.5.1) over real HTTP.</summary>
public sealed class ConfigurationFetchTests : IAsyncLifetime
{
    private StubPlatform _platform = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _platform = await StubPlatform.StartAsync();

    public async ValueTask DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Configuration_is_read_with_the_registration_token_as_bearer()
    {
        using var host = new RegistrationClientHost();

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, "reg-token-1", Ct);

        Assert.Null(fetched.Failure);
        Assert.Equal(_platform.Origin, fetched.Configuration!.Issuer);
        Assert.Equal("moodle", fetched.Configuration.ProductFamily);
        Assert.Equal("Bearer reg-token-1", Assert.Single(_platform.Requests).Authorization);
    }

    [Fact]
    public async Task Configuration_is_read_without_authorization_when_no_token_was_given()
    {
        using var host = new RegistrationClientHost();

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, null, Ct);

        Assert.Null(fetched.Failure);
        Assert.Null(Assert.Single(_platform.Requests).Authorization);
    }

    [Fact]
    public async Task Issuer_on_another_origin_is_refused()
    {
        _platform.Configuration["issuer"] = "https://other-lms.example";
        using var host = new RegistrationClientHost();

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, null, Ct);

        Assert.Equal("issuer_origin_mismatch", fetched.Failure!.Code);
        Assert.Contains("https://other-lms.example", fetched.Failure.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issuer_on_the_same_host_but_another_port_is_refused()
    {
        var port = new Uri(_platform.Origin).Port;
        _platform.Configuration["issuer"] = $"http://127.0.0.1:{port + 1}";
        using var host = new RegistrationClientHost();

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, null, Ct);

        Assert.Equal("issuer_origin_mismatch", fetched.Failure!.Code);
    }

    [Fact]
    public async Task Http_configuration_url_is_refused_when_insecure_loopback_is_off()
    {
        using var host = new RegistrationClientHost(allowInsecureLoopback: false);

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, null, Ct);

        Assert.Equal("platform_url_invalid", fetched.Failure!.Code);
        Assert.Empty(_platform.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("[::1]")]
    public async Task Loopback_host_is_refused_when_insecure_loopback_is_off(string host)
    {
        var port = new Uri(_platform.Origin).Port;
        using var client = new RegistrationClientHost(allowInsecureLoopback: false);

        var fetched = await client.Client.FetchConfigurationAsync($"https://{host}:{port}{StubPlatform.ConfigurationPath}", null, Ct);

        Assert.Equal("platform_address_forbidden", fetched.Failure!.Code);
        Assert.Empty(_platform.Requests);
    }

    [Theory]
    [InlineData("http://10.1.2.3/openid-configuration")]
    [InlineData("http://192.168.1.10/openid-configuration")]
    [InlineData("http://172.20.0.5/openid-configuration")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://0.0.0.0/openid-configuration")]
    [InlineData("http://[fd00::1]/openid-configuration")]
    [InlineData("http://[fe80::1]/openid-configuration")]
    [InlineData("http://[::ffff:10.0.0.1]/openid-configuration")]
    public async Task Private_and_link_local_addresses_are_refused_even_when_loopback_is_allowed(string url)
    {
        using var host = new RegistrationClientHost(allowInsecureLoopback: true);

        var fetched = await host.Client.FetchConfigurationAsync(url, null, Ct);

        Assert.Equal("platform_address_forbidden", fetched.Failure!.Code);
    }

    [Fact]
    public async Task Redirect_is_not_followed_and_names_its_target()
    {
        _platform.Answer(StubPlatform.ConfigurationPath, context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "https://attacker.example/openid-configuration";
            return Task.CompletedTask;
        });
        using var host = new RegistrationClientHost();

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, "reg-token-1", Ct);

        Assert.Equal("platform_redirected", fetched.Failure!.Code);
        Assert.Contains("attacker.example", fetched.Failure.Description, StringComparison.Ordinal);
        Assert.Single(_platform.Requests);
    }

    [Fact]
    public async Task Platform_that_never_answers_times_out()
    {
        var answered = new TaskCompletionSource();
        _platform.Answer(StubPlatform.ConfigurationPath, async context =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                answered.TrySetResult();
            }
        });
        using var host = new RegistrationClientHost(timeout: "00:00:00.200");

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, null, Ct);

        Assert.Equal("platform_timeout", fetched.Failure!.Code);
        Assert.Equal(504, fetched.Failure.StatusCode);
        await answered.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    [Fact]
    public async Task Five_megabyte_configuration_is_cut_off_without_trusting_content_length()
    {
        _platform.Answer(StubPlatform.ConfigurationPath, async context =>
        {
            context.Response.ContentType = "application/json";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            try
            {
                await context.Response.Body.WriteAsync("{\"issuer\":\""u8.ToArray(), context.RequestAborted);
                for (var i = 0; i < 80; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client hung up once it had read enough: that is the behaviour under test.
            }
        });
        using var host = new RegistrationClientHost();

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, null, Ct);

        Assert.Equal("platform_response_too_large", fetched.Failure!.Code);
    }

    [Fact]
    public async Task Error_status_is_reported_with_its_code()
    {
        _platform.Answer(StubPlatform.ConfigurationPath, context => StubPlatform.Json(context, 401, "{\"error\":\"invalid_token\"}"));
        using var host = new RegistrationClientHost();

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, "expired", Ct);

        Assert.Equal("platform_configuration_unavailable", fetched.Failure!.Code);
        Assert.Contains("401", fetched.Failure.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_that_is_not_json_is_refused()
    {
        _platform.Answer(StubPlatform.ConfigurationPath, context => context.Response.WriteAsync("<html>login</html>", context.RequestAborted));
        using var host = new RegistrationClientHost();

        var fetched = await host.Client.FetchConfigurationAsync(_platform.ConfigurationUrl, null, Ct);

        Assert.Equal("platform_configuration_malformed", fetched.Failure!.Code);
    }

    [Fact]
    public async Task Closed_port_is_reported_as_unreachable()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var host = new RegistrationClientHost();

        var fetched = await host.Client.FetchConfigurationAsync($"http://127.0.0.1:{port}/openid-configuration", null, Ct);

        Assert.Equal("platform_unreachable", fetched.Failure!.Code);
    }
}
