namespace LtiCurriculum.Web.Install.Platforms;

/// <summary>
/// Checks a registration before anything is written. Each problem is a sentence naming the field,
/// as the caller spells it (<c>Lti:Platforms:0:JwksUri</c> or <c>--jwks-uri</c>).
/// </summary>
public static class PlatformSettingsValidator
{
    public static IReadOnlyList<string> Validate(PlatformSettings settings, Func<string, string> fieldName, bool requireHttps)
    {
        var errors = new List<string>();
        CheckUrl(settings.Issuer, nameof(settings.Issuer), allowQuery: false);
        if (settings.Issuer is { Length: > Data.Entities.PlatformEntity.IssuerMaxLength })
        {
            errors.Add($"{fieldName(nameof(settings.Issuer))} must be at most {Data.Entities.PlatformEntity.IssuerMaxLength} characters.");
        }
        CheckText(settings.ClientId, nameof(settings.ClientId));
        CheckUrl(settings.AuthorizationEndpoint, nameof(settings.AuthorizationEndpoint), allowQuery: true);
        CheckUrl(settings.TokenEndpoint, nameof(settings.TokenEndpoint), allowQuery: true);
        CheckUrl(settings.JwksUri, nameof(settings.JwksUri), allowQuery: true);
        if (settings.TokenAudience is { } audience && (audience.Length > 2048 || audience.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{fieldName(nameof(settings.TokenAudience))} must be the platform's authorization_server value: at most 2048 characters, no spaces.");
        }

        var deployments = settings.DeploymentIds ?? [];
        if (deployments.Count == 0)
        {
            errors.Add($"{fieldName(nameof(settings.DeploymentIds))} must list at least one deployment id (the platform shows it after the tool is installed).");
        }
        for (var i = 0; i < deployments.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(deployments[i]) || deployments[i].Length > 255)
            {
                errors.Add($"{fieldName(nameof(settings.DeploymentIds))} entry {i} must be 1 to 255 characters.");
            }
        }
        if (deployments.Distinct(StringComparer.Ordinal).Count() != deployments.Count)
        {
            errors.Add($"{fieldName(nameof(settings.DeploymentIds))} lists the same deployment id twice.");
        }
        return errors;

        void CheckText(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{fieldName(field)} is required.");
            }
            else if (value.Length > 255)
            {
                errors.Add($"{fieldName(field)} must be at most 255 characters.");
            }
        }

        void CheckUrl(string? value, string field, bool allowQuery)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{fieldName(field)} is required.");
                return;
            }
            if (value.Length > 2048 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                errors.Add($"{fieldName(field)} must be an absolute https URL (got '{Shorten(value)}').");
                return;
            }
            if (uri.Scheme == "http" && requireHttps && !uri.IsLoopback)
            {
                errors.Add($"{fieldName(field)} must use https in Production; plain http is allowed only for loopback hosts (got '{Shorten(value)}').");
            }
            if (!string.IsNullOrEmpty(uri.Fragment) || (!allowQuery && !string.IsNullOrEmpty(uri.Query)))
            {
                errors.Add($"{fieldName(field)} must not have {(allowQuery ? "a fragment" : "a query or fragment")} (got '{Shorten(value)}').");
            }
        }
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
