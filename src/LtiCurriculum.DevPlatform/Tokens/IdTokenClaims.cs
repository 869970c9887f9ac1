namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Lays a <see cref="DevLaunch"/> out as id_token claims. Objects are <c>Dictionary&lt;string, object&gt;</c> and
/// arrays are <c>string[]</c> so the token handler writes them as JSON objects and arrays.
/// </summary>
internal static class IdTokenClaims
{
    public const string PlatformGuid = "7d0f5b2c-3a1e-4c6b-9f8d-2e4a6c8b0d1f";
    public const string PlatformName = "LtiCurriculum Development Platform";
    public const string ProductFamilyCode = "lticurriculum-dev";

    public static Dictionary<string, object> For(DevLaunch launch, DateTimeOffset issuedAt, DateTimeOffset expires)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["iss"] = launch.Issuer,
            ["aud"] = launch.ClientId,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["nonce"] = launch.Nonce,
            [LtiClaimNames.DeploymentId] = launch.DeploymentId,
            [LtiClaimNames.MessageType] = launch.MessageType,
            [LtiClaimNames.Version] = LtiClaimNames.LtiVersion,
            [LtiClaimNames.TargetLinkUri] = launch.TargetLinkUri,
            [LtiClaimNames.Roles] = launch.Roles.ToArray(),
            [LtiClaimNames.ToolPlatform] = ToolPlatform(launch.ProductFamilyCode),
            [LtiClaimNames.LaunchPresentation] = LaunchPresentation(launch),
        };
        AddIfPresent(claims, "sub", launch.Subject);
        AddIfPresent(claims, "name", launch.Name);
        AddIfPresent(claims, "given_name", launch.GivenName);
        AddIfPresent(claims, "family_name", launch.FamilyName);
        AddIfPresent(claims, "email", launch.Email);
        if (launch.ResourceLinkId is not null)
        {
            claims[LtiClaimNames.ResourceLink] = WithoutNulls(
                ("id", launch.ResourceLinkId), ("title", launch.ResourceLinkTitle), ("description", launch.ResourceLinkDescription));
        }

        if (launch.ContextId is not null)
        {
            var context = WithoutNulls(("id", launch.ContextId), ("label", launch.ContextLabel), ("title", launch.ContextTitle));
            context["type"] = new[] { LtiClaimNames.CourseOfferingContextType };
            claims[LtiClaimNames.Context] = context;
        }

        if (launch.Custom.Count > 0)
        {
            claims[LtiClaimNames.Custom] = launch.Custom.ToDictionary(pair => pair.Key, pair => (object)pair.Value, StringComparer.Ordinal);
        }

        if (launch.DeepLinkReturnUrl is not null)
        {
            claims[LtiClaimNames.DeepLinkingSettings] = DeepLinkingSettings(launch);
        }

        if (launch.MembershipsUrl is not null)
        {
            claims[LtiClaimNames.NamesRoleService] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["context_memberships_url"] = launch.MembershipsUrl,
                ["service_versions"] = new[] { "2.0" },
            };
        }

        if (launch.AgsEndpoint is not null)
        {
            claims[LtiClaimNames.AgsEndpoint] = AgsEndpoint(launch.AgsEndpoint);
        }

        return claims;
    }

    private static Dictionary<string, object> ToolPlatform(string productFamilyCode) => new(StringComparer.Ordinal)
    {
        ["guid"] = PlatformGuid,
        ["name"] = PlatformName,
        ["product_family_code"] = productFamilyCode,
    };

    private static Dictionary<string, object> AgsEndpoint(AgsEndpointClaim endpoint)
    {
        var claim = WithoutNulls(("lineitems", endpoint.LineItems), ("lineitem", endpoint.LineItem));
        claim["scope"] = endpoint.Scope.ToArray();
        return claim;
    }

    private static Dictionary<string, object> LaunchPresentation(DevLaunch launch) =>
        WithoutNulls(("document_target", launch.DocumentTarget), ("locale", launch.Locale), ("return_url", launch.ReturnUrl));

    private static Dictionary<string, object> DeepLinkingSettings(DevLaunch launch)
    {
        var settings = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["deep_link_return_url"] = launch.DeepLinkReturnUrl!,
            ["accept_types"] = launch.AcceptTypes.ToArray(),
            ["accept_presentation_document_targets"] = launch.AcceptPresentationDocumentTargets.ToArray(),
            ["accept_multiple"] = launch.AcceptMultiple,
            ["accept_lineitem"] = launch.AcceptLineItem,
            ["auto_create"] = launch.AutoCreate,
        };
        AddIfPresent(settings, "data", launch.DeepLinkingData);
        return settings;
    }

    private static Dictionary<string, object> WithoutNulls(params (string Name, string? Value)[] members)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            AddIfPresent(result, name, value);
        }

        return result;
    }

    private static void AddIfPresent(Dictionary<string, object> claims, string name, string? value)
    {
        if (value is not null)
        {
            claims[name] = value;
        }
    }
}
