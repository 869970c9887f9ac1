using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Lti.Oidc;
using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Launch.Cookieless;
using LtiCurriculum.Web.Sessions;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Launch;

/// <summary>The two protocol endpoints platforms call: login initiation and launch (the OIDC redirect URI).</summary>
public static class LtiEndpoints
{
    public static IEndpointRouteBuilder MapLtiLaunch(this IEndpointRouteBuilder app)
    {
        // Both are cross-site by design (the LMS posts to them), so antiforgery does not apply; state and nonce protect them.
        app.MapMethods(ToolUrls.LoginPath, [HttpMethods.Get, HttpMethods.Post], LoginAsync).DisableAntiforgery();
        app.MapPost(ToolUrls.LaunchPath, LaunchAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext http, OidcLoginService login, IOptions<ToolOptions> tool)
    {
        var request = http.Request;
        var form = await LtiFormReader.ReadAsync(http);
        if (form is null)
        {
            return ErrorPages.For(http, FormTooLarge, heading: "This launch could not start");
        }
        string? Parameter(string name) => form[name].FirstOrDefault() is { Length: > 0 } fromForm ? fromForm : request.Query[name].FirstOrDefault();

        var initiation = LoginInitiation.From(Parameter);
        var outcome = await login.StartAsync(initiation, ToolUrls.LaunchUri(request, tool.Value), http.RequestAborted);
        if (outcome.Failure is { } failure)
        {
            return ErrorPages.For(http, failure, heading: "This launch could not start");
        }

        http.Response.Cookies.Append(LoginStateCookie.NameFor(outcome.State!), outcome.BrowserBinding!,
            CrossSiteCookie.Options(request, ToolUrls.LaunchPath, outcome.ExpiresAt));
        http.Response.Headers.CacheControl = "no-store";
        return PlatformStoragePages.ShouldOffer(request, outcome)
            ? PlatformStoragePages.LoginPage(http, outcome, initiation, tool.Value)
            : Results.Redirect(outcome.AuthorizationUrl!);
    }

    private static async Task<IResult> LaunchAsync(
        HttpContext http, LaunchValidator validator, ILtiLaunchHandler handler, LaunchTelemetry telemetry, IPlatformRegistrationStore registrations)
    {
        if (!http.Request.HasFormContentType)
        {
            return Refuse(LaunchFailures.TokenMissing.WithDetail("The launch must be a form post (response_mode=form_post)."));
        }
        var form = await LtiFormReader.ReadAsync(http);
        if (form is null)
        {
            return Refuse(FormTooLarge);
        }
        if (form["error"].FirstOrDefault() is { Length: > 0 } error)
        {
            // The platform answered the authentication request with an OIDC error (e.g. login_required).
            var description = form["error_description"].FirstOrDefault();
            return Refuse(new LaunchFailure("platform_error", 400,
                $"The platform refused the sign-in: {Trim(error)}{(string.IsNullOrEmpty(description) ? "." : $" ({Trim(description)}).")}"));
        }

        var state = form["state"].FirstOrDefault();
        var binding = state is not null && LtiCurriculum.Lti.OpaqueTokens.IsWellFormed(state)
            ? http.Request.Cookies[LoginStateCookie.NameFor(state)]
            : null;
        var launch = new LaunchRequest(form["id_token"].FirstOrDefault(), state, binding);
        if (binding is null)
        {
            // No cookie: the binding may be in the platform's storage. First ask the page to read it; its re-post carries it.
            if (await PlatformStoragePages.ForLaunchAsync(form, registrations, http.RequestAborted) is { } storage)
            {
                return PlatformStoragePages.LaunchPage(http, storage, form);
            }
            if (form[PlatformStorage.BindingField].FirstOrDefault() is { Length: > 0 } stored)
            {
                launch = launch with { BrowserBinding = stored, PlatformStorageNonce = form[PlatformStorage.NonceField].FirstOrDefault() ?? "" };
            }
        }
        var result = await validator.ValidateAsync(launch, http.RequestAborted);
        if (binding is not null)
        {
            http.Response.Cookies.Delete(LoginStateCookie.NameFor(state!), CrossSiteCookie.Options(http.Request, ToolUrls.LaunchPath, default));
        }
        if (!result.Succeeded)
        {
            return ErrorPages.For(http, result.Failure!, result.ReturnUrl);
        }
        return await handler.HandleAsync(result.Launch!, http);

        IResult Refuse(LaunchFailure failure)
        {
            telemetry.LaunchRejected(failure, "request", null);
            return ErrorPages.For(http, failure);
        }
    }

    private static readonly LaunchFailure FormTooLarge = new("request_malformed", 400, "The request body is malformed or larger than an LTI message can be.");

    private static string Trim(string value) => value.Length <= 200 ? value : value[..200] + "…";
}
