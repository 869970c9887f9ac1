using LtiCurriculum.Lti.Claims;

namespace LtiCurriculum.Lti.DeepLinking;

/// <summary>
/// What a deep-linking response may return, given the request's settings (Deep Linking 2.0 §4.4.1) and the items
/// the instructor picked. Pure; never throws on bad input.
/// </summary>
public static class DeepLinkingRules
{
    /// <remarks>
    /// <list type="bullet">
    /// <item>accept_types must contain ltiResourceLink (the tool's own kind of item) and every picked item's type.</item>
    /// <item>accept_multiple false or absent: at most one item (a platform that did not say may not take several).</item>
    /// <item>accept_lineitem false: line items are removed; absent says nothing, so they stay.</item>
    /// <item>Presentation: iframe when accepted, else window, else none; the other presentation is removed.</item>
    /// <item>No items (the instructor cancelled) is always allowed once the settings are usable.</item>
    /// </list>
    /// </remarks>
    public static DeepLinkingDecision Decide(DeepLinkingSettingsClaim? settings, IReadOnlyList<ContentItem?>? picked)
    {
        if (settings is null)
        {
            return DeepLinkingDecision.Refuse(DeepLinkingRefusalCode.SettingsMissing,
                "The platform did not send deep linking settings, so nothing can be returned to it.", autoCreate: false);
        }
        var autoCreate = settings.AutoCreate == true;
        var acceptTypes = settings.AcceptTypes ?? [];
        if (!acceptTypes.Contains(ContentItemTypes.LtiResourceLink, StringComparer.Ordinal))
        {
            return DeepLinkingDecision.Refuse(DeepLinkingRefusalCode.TypeNotAccepted,
                $"This place in the course does not accept LTI links (it accepts: {Describe(acceptTypes)}). Add the module from a place that accepts external tool links.",
                autoCreate);
        }
        var items = picked ?? [];
        if (items.Count > 1 && settings.AcceptMultiple != true)
        {
            return DeepLinkingDecision.Refuse(DeepLinkingRefusalCode.MultipleNotAccepted,
                $"This place in the course accepts one item at a time, and {items.Count} were picked. Pick one.", autoCreate);
        }

        var target = PresentationFor(settings.AcceptPresentationDocumentTargets);
        var dropLineItems = settings.AcceptLineItem == false;
        var allowed = new List<ContentItem>(items.Count);
        var dropped = false;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (Problem(item) is { } problem)
            {
                return DeepLinkingDecision.Refuse(DeepLinkingRefusalCode.InvalidItem, $"Item {i + 1} cannot be returned: {problem}", autoCreate);
            }
            if (!acceptTypes.Contains(item!.Type, StringComparer.Ordinal))
            {
                return DeepLinkingDecision.Refuse(DeepLinkingRefusalCode.TypeNotAccepted,
                    $"Item {i + 1} is a {item.Type}, which this place in the course does not accept (it accepts: {Describe(acceptTypes)}).", autoCreate);
            }
            if (item is LtiResourceLinkItem link)
            {
                dropped |= dropLineItems && link.LineItem is not null;
                item = link with
                {
                    LineItem = dropLineItems ? null : link.LineItem,
                    Iframe = target == PresentationTarget.Iframe ? link.Iframe ?? new IframePresentation() : null,
                    Window = target == PresentationTarget.Window ? link.Window ?? new WindowPresentation() : null,
                };
            }
            allowed.Add(item);
        }
        return new DeepLinkingDecision
        {
            Items = allowed,
            Presentation = target,
            AutoCreate = autoCreate,
            LineItemsDropped = dropped,
        };
    }

    private static PresentationTarget PresentationFor(IReadOnlyList<string>? targets) =>
        targets is null ? PresentationTarget.None
        : targets.Contains(DocumentTargets.Iframe, StringComparer.Ordinal) ? PresentationTarget.Iframe
        : targets.Contains(DocumentTargets.Window, StringComparer.Ordinal) ? PresentationTarget.Window
        : PresentationTarget.None;

    private static string? Problem(ContentItem? item)
    {
        if (item is null)
        {
            return "it is empty.";
        }
        if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "its url is not an absolute http(s) URL.";
        }
        if (item is not LtiResourceLinkItem link)
        {
            return null;
        }
        if (link.LineItem is { } lineItem && lineItem.ScoreMaximum <= 0)
        {
            return "its line item's scoreMaximum must be greater than zero.";
        }
        if (link.Custom is { } custom && custom.Any(pair => string.IsNullOrEmpty(pair.Key) || pair.Value is null))
        {
            return "a custom parameter has no name or no value.";
        }
        return EndsBeforeStart(link.Available) ? "its availability ends before it starts."
            : EndsBeforeStart(link.Submission) ? "its submission window ends before it starts."
            : null;
    }

    private static bool EndsBeforeStart(TimeWindow? window) =>
        window is { StartDateTime: { } start, EndDateTime: { } end } && end < start;

    private static string Describe(IReadOnlyList<string> types) => types.Count == 0 ? "nothing" : string.Join(", ", types);
}
