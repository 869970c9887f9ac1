using LtiCurriculum.Web.Components;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Registration;
using LtiCurriculum.Web.Install.Profile;
using LtiCurriculum.Web.Launch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Install.Registration;

/// <summary>
/// The tool's pages for LTI Dynamic Registration 1.0, shown inside the LMS's frame or popup: the registration URL the
/// LMS opens (§3.3, guarded by the registration secret), the review, and the confirmation that registers (§3.5–3.7).
/// </summary>
public static partial class RegistrationEndpoints
{
    public const string ConfirmPath = RegistrationSecret.RegistrationPath + "/confirm";
    private const string Heading = "The registration could not be completed";

    public static IEndpointRouteBuilder MapDynamicRegistration(this IEndpointRouteBuilder app)
    {
        app.MapGet(RegistrationSecret.RegistrationPath, StartAsync);
        // Posted from inside the LMS's frame, where cookies may be blocked: the 256-bit pending id is the proof, not a cookie.
        app.MapPost(ConfirmPath, ConfirmAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> StartAsync(
        HttpContext http, RegistrationSecret secret, RegistrationClient client, PendingRegistrations pending,
        IOptions<ToolOptions> tool, ILoggerFactory loggers)
    {
        var query = http.Request.Query;
        var cancellationToken = http.RequestAborted;
        if (!await secret.MatchesAsync(query[RegistrationSecret.QueryParameter].FirstOrDefault(), cancellationToken))
        {
            return Refuse(http, SecretInvalid);
        }
        var configurationUrl = query["openid_configuration"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(configurationUrl))
        {
            return Refuse(http, ConfigurationMissing);
        }
        // Only a holder of the secret gets to name who may frame the answer: the LMS that opened this URL.
        Hosting.Framing.RegistrationFraming.AllowFramingBy(http, configurationUrl);
        var token = query["registration_token"].FirstOrDefault();
        if (token?.Length > MaxTokenLength)
        {
            return Refuse(http, TokenTooLong);
        }
        token = string.IsNullOrEmpty(token) ? null : token;

        var fetched = await client.FetchConfigurationAsync(configurationUrl, token, cancellationToken);
        if (fetched.Failure is { } failure)
        {
            LogFailed(loggers.CreateLogger(typeof(RegistrationEndpoints)), failure.Code, failure.Description, ErrorPages.CorrelationId(http));
            return Refuse(http, failure);
        }
        Hosting.Framing.RegistrationFraming.AllowFramingBy(http, fetched.Configuration!.Issuer);
        var row = await pending.CreateAsync(configurationUrl, token, fetched.Json!, cancellationToken);
        var profile = ToolProfile.For(http.Request, tool.Value);
        http.Response.Headers.CacheControl = "no-store";
        return new HtmlPageResult<RegistrationReviewPage>(new
        {
            Review = RegistrationReview.For(row.Id, row.ExpiresAt, fetched.Configuration!, profile),
            ConfirmPath,
        });
    }

    private static async Task<IResult> ConfirmAsync(
        HttpContext http, PendingRegistrations pending, RegistrationClient client, RegistrationCompletion completion,
        IOptions<ToolOptions> tool, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(RegistrationEndpoints));
        var cancellationToken = http.RequestAborted;
        // The confirmation form is two short fields; anything much larger is refused before it is read.
        if (http.Request.ContentLength > MaxConfirmBody)
        {
            return Refuse(http, FormTooLarge);
        }
        IFormCollection? form;
        try
        {
            form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Refuse(http, Hosting.RequestBodyErrors.Classify(ex) == Hosting.RequestBodyErrors.TooLarge ? FormTooLarge : FormUnreadable);
        }
        var (claim, row) = await pending.ClaimAsync(form?["pending"].FirstOrDefault(), cancellationToken);
        var configuration = row is null ? null : PlatformConfiguration.Parse(System.Text.Encoding.UTF8.GetBytes(row.PlatformConfiguration));
        if (row is not null)
        {
            Hosting.Framing.RegistrationFraming.AllowFramingBy(http, row.OpenIdConfigurationUrl, configuration?.Issuer);
        }
        switch (claim)
        {
            case ClaimResult.Unknown:
                return Refuse(http, PendingUnknown);
            case ClaimResult.AlreadyUsed:
                return Refuse(http, PendingUsed);
            case ClaimResult.Expired:
                return Refuse(http, PendingExpired);
        }
        http.Response.Headers.CacheControl = "no-store";
        if (form!["action"].FirstOrDefault() != "confirm")
        {
            return Done(new { Heading = "Registration cancelled", Message = "Nothing was registered. You can start again from the LMS at any time." });
        }

        var claimed = configuration!;
        var body = ClientRegistrationBody.Build(ToolRegistrationFactory.From(ToolProfile.For(http.Request, tool.Value)), claimed);
        var outcome = await client.RegisterAsync(claimed, body, row!.RegistrationToken, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            LogFailed(logger, failure.Code, failure.Description, ErrorPages.CorrelationId(http));
            return Refuse(http, failure);
        }
        var response = outcome.Response!;
        var platform = await completion.SaveAsync(row, claimed, response, cancellationToken);
        LogRegistered(logger, platform.Issuer, platform.ClientId, claimed.ProductFamily, ErrorPages.CorrelationId(http));
        return Done(new
        {
            Heading = "LtiCurriculum is registered",
            Message = "The LMS now knows this tool. Finish in the LMS: some ask you to review and enable the tool there.",
            platform.Issuer,
            platform.ClientId,
            response.DeploymentId,
        });
    }

    private static HtmlPageResult<RegistrationDonePage> Done(object parameters) => new(parameters);

    private static IResult Refuse(HttpContext http, RegistrationFailure failure) =>
        ErrorPages.For(http, new LaunchFailure(failure.Code, failure.StatusCode, failure.Description), heading: Heading);

    private const int MaxTokenLength = 8192;
    private const long MaxConfirmBody = 16 * 1024;
    private static readonly RegistrationFailure FormTooLarge = new("form_too_large", 413,
        "The confirmation sent was larger than this page's form can be. Start again from the LMS.");
    private static readonly RegistrationFailure FormUnreadable = new("request_malformed", 400,
        "The confirmation sent could not be read (a broken form). Start again from the LMS.");
    private static readonly RegistrationFailure SecretInvalid = new("registration_secret_invalid", 403,
        "This registration URL is not valid: its secret is missing or out of date. Ask the tool's administrator for the current URL (the CLI command: registration url).");
    private static readonly RegistrationFailure ConfigurationMissing = new("openid_configuration_missing", 400,
        "The LMS did not send openid_configuration. Start the registration from the LMS's dynamic registration (\"register by URL\") page, which adds it.");
    private static readonly RegistrationFailure TokenTooLong = new("registration_token_invalid", 400,
        $"The registration_token the LMS sent is longer than {MaxTokenLength} characters.");
    private static readonly RegistrationFailure PendingUnknown = new("registration_unknown", 404,
        "This registration is unknown. Start again from the LMS.");
    private static readonly RegistrationFailure PendingUsed = new("registration_already_used", 409,
        "This registration was already confirmed or cancelled; it can be used only once. Start again from the LMS to register again.");
    private static readonly RegistrationFailure PendingExpired = new("registration_expired", 410,
        "This registration expired (they last 30 minutes). Start again from the LMS.");

    // The description holds the platform's own words at most, never the registration token.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Dynamic registration stopped: {ReasonCode}: {Description} (correlation id {CorrelationId})")]
    private static partial void LogFailed(ILogger logger, string reasonCode, string description, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dynamic registration completed: {Issuer} client {ClientId}, product family {ProductFamily} (correlation id {CorrelationId})")]
    private static partial void LogRegistered(ILogger logger, string issuer, string clientId, string? productFamily, string correlationId);
}
