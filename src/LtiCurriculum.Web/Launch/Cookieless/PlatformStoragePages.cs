using LtiCurriculum.Web.Components;
using LtiCurriculum.Lti.Oidc;
using LtiCurriculum.Lti.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.Web.Launch.Cookieless;

/// <summary>
/// The cookieless launch (LTI Client Side postMessages 0.1, Platform Storage 0.1): when the platform names an
/// <c>lti_storage_target</c>, the login page keeps the browser binding and nonce in the platform's storage as well as
/// in the cookie, and a launch whose cookie did not come back reads them from there before it is checked.
/// </summary>
internal static class PlatformStoragePages
{
    /// <summary>
    /// A top-level page (Sec-Fetch-Dest: document) has first-party cookies and no platform frame to talk to, so it is
    /// redirected at once; a framed one (or a browser that does not say) gets the storage page.
    /// </summary>
    public static bool ShouldOffer(HttpRequest request, LoginOutcome outcome) =>
        outcome.PlatformStorage is not null
        && !string.Equals(request.Headers["Sec-Fetch-Dest"].ToString(), "document", StringComparison.OrdinalIgnoreCase);

    public static HtmlPageResult<StorageLoginPage> LoginPage(HttpContext http, LoginOutcome outcome, LoginInitiation login, ToolOptions tool)
    {
        var (action, query) = SplitQuery(outcome.AuthorizationUrl!);
        http.Response.Headers.CacheControl = "no-store";
        return new HtmlPageResult<StorageLoginPage>(new
        {
            Storage = outcome.PlatformStorage!,
            Binding = outcome.BrowserBinding!,
            Nonce = outcome.Nonce!,
            AuthorizationAction = action,
            AuthorizationFields = query,
            NewWindowUrl = NewWindowLoginUrl(http.Request, login, tool),
        });
    }

    /// <summary>
    /// The storage to read a launch's binding from, when its cookie did not come back, the platform named a storage
    /// target, and the page has not already tried (the re-post carries the binding field, even empty). The issuer and
    /// audience are read unverified only to pick the platform whose origins may answer; the launch is then checked in full.
    /// </summary>
    public static async Task<PlatformStorage?> ForLaunchAsync(IFormCollection form, IPlatformRegistrationStore registrations, CancellationToken cancellationToken)
    {
        var target = form[PlatformStorage.TargetParameter].FirstOrDefault();
        var state = form["state"].FirstOrDefault();
        var idToken = form["id_token"].FirstOrDefault();
        if (string.IsNullOrEmpty(target) || form.ContainsKey(PlatformStorage.BindingField)
            || !Lti.OpaqueTokens.IsWellFormed(state) || string.IsNullOrEmpty(idToken))
        {
            return null;
        }
        var (issuer, audience) = UnverifiedClaims.Read(idToken);
        if (string.IsNullOrEmpty(issuer) || issuer.Length > Data.Entities.PlatformEntity.IssuerMaxLength)
        {
            return null;
        }
        var matches = (await registrations.FindByIssuerAsync(issuer, cancellationToken)).Where(r => r.ClientId == audience).ToList();
        return matches.Count == 1 ? PlatformStorage.For(matches[0], state!, target) : null;
    }

    public static HtmlPageResult<StorageLaunchPage> LaunchPage(HttpContext http, PlatformStorage storage, IFormCollection form)
    {
        http.Response.Headers.CacheControl = "no-store";
        return new HtmlPageResult<StorageLaunchPage>(new
        {
            Storage = storage,
            Action = ToolUrls.LaunchPath,
            IdToken = form["id_token"].ToString(),
            State = form["state"].ToString(),
        });
    }

    /// <summary>The same login, opened top-level where the tool's cookie is first-party (no storage target).</summary>
    private static string NewWindowLoginUrl(HttpRequest request, LoginInitiation login, ToolOptions tool)
    {
        var query = new Dictionary<string, string?>
        {
            ["iss"] = login.Issuer,
            ["login_hint"] = login.LoginHint,
            ["target_link_uri"] = login.TargetLinkUri,
            ["lti_message_hint"] = login.LtiMessageHint,
            ["client_id"] = login.ClientId,
            ["lti_deployment_id"] = login.LtiDeploymentId,
        };
        return QueryHelpers.AddQueryString(ToolUrls.BaseUrl(request, tool) + ToolUrls.LoginPath,
            query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }

    private static (string Action, IReadOnlyList<KeyValuePair<string, string>> Fields) SplitQuery(string url)
    {
        var at = url.IndexOf('?', StringComparison.Ordinal);
        if (at < 0)
        {
            return (url, []);
        }
        var fields = QueryHelpers.ParseQuery(url[at..])
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? "")))
            .ToList();
        return (url[..at], fields);
    }
}
