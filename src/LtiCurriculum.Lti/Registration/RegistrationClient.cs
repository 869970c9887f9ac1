using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LtiCurriculum.Lti.Registration.Checks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Lti.Registration;

/// <summary>
/// The tool's side of LTI Dynamic Registration 1.0 over HTTP: reads the platform's OpenID configuration (§3.4) and
/// posts the client registration (§3.5.2). Every URL is checked before use and every address at connect time
/// (<see cref="GuardedConnection"/>); redirects are not followed; answers are read up to
/// <see cref="RegistrationOptions.MaxResponseBytes"/>; each call has its own timeout.
/// </summary>
public sealed partial class RegistrationClient(HttpClient http, IOptionsMonitor<RegistrationOptions> options, TimeProvider time, ILogger<RegistrationClient> logger)
{
    public const string HttpClientName = "lti-registration";

    /// <param name="registrationToken">Sent as the bearer when given: Canvas wants it on this GET too (doc/api/registration.md).</param>
    public async Task<FetchedConfiguration> FetchConfigurationAsync(string? configurationUrl, string? registrationToken, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!RegistrationUrls.IsAcceptable(configurationUrl, settings.AllowInsecureLoopback, out var url))
        {
            return FetchedConfiguration.Fail(RegistrationFailures.UrlInvalid.WithDetail("(openid_configuration)"));
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        Authorize(request, registrationToken);
        var (status, body, failure) = await SendAsync(request, settings.ConfigurationTimeout, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return FetchedConfiguration.Fail(failure);
        }
        if (status is < 200 or > 299)
        {
            LogPlatformStatus(logger, url!.Host, status);
            return FetchedConfiguration.Fail(RegistrationFailures.ConfigurationUnavailable.WithDetail($"It answered HTTP {status}."));
        }
        var configuration = PlatformConfiguration.Parse(body);
        if (configuration is null)
        {
            return FetchedConfiguration.Fail(RegistrationFailures.ConfigurationMalformed);
        }
        if (ConfigurationChecks.Run(configuration, new ConfigurationCheckContext(url!, settings.AllowInsecureLoopback)) is { } invalid)
        {
            return FetchedConfiguration.Fail(invalid);
        }
        return new FetchedConfiguration(configuration, Encoding.UTF8.GetString(body), null);
    }

    /// <summary>Posts <paramref name="body"/> to the platform's registration endpoint; the bearer is the registration token when one was given.</summary>
    public async Task<RegistrationOutcome> RegisterAsync(PlatformConfiguration platform, JsonObject body, string? registrationToken, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!RegistrationUrls.IsAcceptable(platform.RegistrationEndpoint, settings.AllowInsecureLoopback, out var url))
        {
            return RegistrationOutcome.Fail(RegistrationFailures.EndpointInvalid.WithDetail("(registration_endpoint)"));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        Authorize(request, registrationToken);
        var (status, answer, failure) = await SendAsync(request, settings.RegistrationTimeout, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            return RegistrationOutcome.Fail(failure);
        }
        if (status is < 200 or > 299)
        {
            LogPlatformStatus(logger, url!.Host, status);
            return RegistrationOutcome.Fail(PlatformErrorText.Describe(status, answer));
        }
        return ClientRegistrationResponse.Parse(answer) is { } response
            ? new RegistrationOutcome(response, null)
            : RegistrationOutcome.Fail(RegistrationFailures.ResponseInvalid);
    }

    private static void Authorize(HttpRequestMessage request, string? registrationToken)
    {
        if (!string.IsNullOrEmpty(registrationToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", registrationToken);
        }
    }

    private async Task<(int Status, byte[] Body, RegistrationFailure? Failure)> SendAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var host = request.RequestUri!.Host;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 300 and <= 399)
            {
                var target = response.Headers.Location is { IsAbsoluteUri: true } location ? location.Host : host;
                return (status, [], RegistrationFailures.Redirected.WithDetail($"It pointed to {target}."));
            }
            var body = await ReadCappedAsync(response.Content, linked.Token).ConfigureAwait(false);
            return body is null ? (status, [], RegistrationFailures.ResponseTooLarge) : (status, body, null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogTimeout(logger, host, timeout);
            return (0, [], RegistrationFailures.Timeout);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refused)
        {
            LogAddressRefused(logger, refused.Host);
            return (0, [], RegistrationFailures.AddressForbidden.WithDetail($"({refused.Host})"));
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(logger, ex, host);
            return (0, [], RegistrationFailures.Unreachable);
        }
    }

    private static PlatformAddressRefusedException? FindRefusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PlatformAddressRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }

    /// <summary>The body, or null once it passes the cap. Content-Length is not trusted: the stream is counted.</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > RegistrationOptions.MaxResponseBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dynamic registration: {Host} answered HTTP {StatusCode}")]
    private static partial void LogPlatformStatus(ILogger logger, string host, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dynamic registration: {Host} did not answer within {Timeout}")]
    private static partial void LogTimeout(ILogger logger, string host, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dynamic registration: refused to connect to {Host}, which resolves to a non-public address")]
    private static partial void LogAddressRefused(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dynamic registration: {Host} could not be reached")]
    private static partial void LogUnreachable(ILogger logger, Exception exception, string host);
}
