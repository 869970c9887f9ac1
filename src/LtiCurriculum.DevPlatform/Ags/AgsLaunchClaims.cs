namespace LtiCurriculum.DevPlatform;

/// <summary>
/// What a launch says about grades, per gradebook style. Standard: the container only, so the tool must find or make
/// its line item, unless the link was made by deep linking with a <c>lineItem</c>: then that item too. Canvas and
/// Moodle: also the line item coupled to the resource link, made on its first launch when deep linking made none.
/// </summary>
internal sealed class AgsLaunchClaims(GradebookStyleState styles, LineItemStore lineItems)
{
    public AgsLaunch For(PendingLaunch pending)
    {
        var style = styles.Current;
        var urls = new AgsUrls(new PlatformUrls(pending.Origin).Issuer, style);
        var container = urls.LineItems(pending.Course.Id);
        string? coupled = null;
        if (pending.Link is not null && style != GradebookStyles.Standard)
        {
            coupled = urls.LineItem(pending.Course.Id, lineItems.EnsureCoupled(pending.Course.Id, pending.Link).Id);
        }
        else if (pending.Link is { CreatedByDeepLinking: true } && lineItems.FindCoupled(pending.Course.Id, pending.Link.Id) is { } declared)
        {
            // AGS 2.0 §3.4: a link with a single line item names it; here one a deep linking response declared.
            coupled = urls.LineItem(pending.Course.Id, declared.Id);
        }

        var productFamily = style == GradebookStyles.Standard ? IdTokenClaims.ProductFamilyCode : style;
        // A tool registered by dynamic registration hears only of the scopes it registered; none leaves the claim out.
        IReadOnlyList<string> scopes = pending.Registration is { } registration ? [.. AgsScopes.Announced.Where(registration.Scopes.Contains)] : AgsScopes.Announced;
        return new AgsLaunch(new AgsEndpointClaim(scopes, container, coupled), productFamily);
    }
}

/// <summary>The AGS endpoint claim of one launch and the product family the platform names itself by.</summary>
internal sealed record AgsLaunch(AgsEndpointClaim Endpoint, string ProductFamilyCode);
