using System.Globalization;
using System.Text.Json;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The content items of a deep linking response (Deep Linking 2.0 §3), read as a strict platform reads them:
/// <c>ltiResourceLink</c> items become links (§3.1: <c>custom</c> values are strings, a <c>lineItem</c> needs a
/// <c>scoreMaximum</c> greater than 0, <c>url</c> is absolute); the other known types are kept to be listed; items of
/// unknown types are ignored (and listed as such).
/// </summary>
internal sealed record ContentItems(IReadOnlyList<ResourceLinkItem> ResourceLinks, IReadOnlyList<OtherItem> Others, int Count)
{
    public const int MaxItems = 100;
    private const int MaxText = 4000;
    private const int MaxCustom = 100;

    public static readonly ContentItems None = new([], [], 0);

    /// <summary>The items, or what is wrong with them (naming the item by its 1-based position).</summary>
    public static (ContentItems? Items, string? Problem) Read(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return (null, "content_items must be an array");
        }

        if (array.GetArrayLength() > MaxItems)
        {
            return (null, $"content_items holds more than {MaxItems} items");
        }

        var links = new List<ResourceLinkItem>();
        var others = new List<OtherItem>();
        var position = 0;
        foreach (var item in array.EnumerateArray())
        {
            position++;
            if (item.ValueKind != JsonValueKind.Object || !Text(item, "type", out var type) || string.IsNullOrEmpty(type))
            {
                return (null, $"content item {position} must be an object with a string type");
            }

            if (type == DeepLinkingNames.ResourceLinkType)
            {
                var (link, problem) = ReadResourceLink(item);
                if (link is null)
                {
                    return (null, $"content item {position} ({type}): {problem}");
                }

                links.Add(link);
                continue;
            }

            Text(item, "title", out var title);
            Text(item, "url", out var url);
            others.Add(new OtherItem(type, title, url, DeepLinkingNames.OtherKnownTypes.Contains(type)));
        }

        return (new ContentItems(links, others, position), null);
    }

    private static (ResourceLinkItem? Link, string? Problem) ReadResourceLink(JsonElement item)
    {
        foreach (var name in new[] { "title", "text", "url" })
        {
            if (!Text(item, name, out _))
            {
                return (null, $"{name}, when sent, must be a string of at most {MaxText} characters");
            }
        }

        Text(item, "title", out var title);
        Text(item, "text", out var text);
        Text(item, "url", out var url);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return (null, "url, when sent, must be an absolute http or https URL");
        }

        var (custom, customProblem) = ReadCustom(item);
        if (custom is null)
        {
            return (null, customProblem);
        }

        var (available, availableProblem) = ReadWindow(item, "available");
        var (submission, submissionProblem) = ReadWindow(item, "submission");
        if ((availableProblem ?? submissionProblem) is { } windowProblem)
        {
            return (null, windowProblem);
        }

        var (lineItem, lineItemProblem) = ReadLineItem(item);
        if (lineItemProblem is not null)
        {
            return (null, lineItemProblem);
        }

        var target = IsObject(item, "iframe") ? "iframe" : IsObject(item, "window") ? "window" : null;
        return (new ResourceLinkItem(title, text, url, custom, target, available, submission, lineItem), null);
    }

    private static (Dictionary<string, string>? Custom, string? Problem) ReadCustom(JsonElement item)
    {
        var custom = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!item.TryGetProperty("custom", out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return (custom, null);
        }

        if (member.ValueKind != JsonValueKind.Object)
        {
            return (null, "custom must be an object of string values");
        }

        foreach (var property in member.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                return (null, $"custom \u201c{property.Name}\u201d must be a string (custom parameters are strings)");
            }

            custom[property.Name] = property.Value.GetString()!;
        }

        return custom.Count > MaxCustom ? (null, $"custom holds more than {MaxCustom} parameters") : (custom, null);
    }

    private static (DemoTimeWindow? Window, string? Problem) ReadWindow(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (member.ValueKind != JsonValueKind.Object || !Text(member, "startDateTime", out var start) || !Text(member, "endDateTime", out var end))
        {
            return (null, $"{name} must be an object whose startDateTime and endDateTime, when sent, are strings");
        }

        foreach (var value in new[] { start, end })
        {
            if (value is not null && !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return (null, $"{name} has \u201c{value}\u201d, which is no ISO 8601 date and time");
            }
        }

        return (new DemoTimeWindow(start, end), null);
    }

    private static (RequestedLineItem? LineItem, string? Problem) ReadLineItem(JsonElement item)
    {
        if (!item.TryGetProperty("lineItem", out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (member.ValueKind != JsonValueKind.Object)
        {
            return (null, "lineItem must be an object");
        }

        if (!member.TryGetProperty("scoreMaximum", out var maximum) || maximum.ValueKind != JsonValueKind.Number
            || !maximum.TryGetDecimal(out var scoreMaximum) || scoreMaximum <= 0)
        {
            return (null, "lineItem.scoreMaximum is required: a number greater than 0");
        }

        if (!Text(member, "label", out var label) || !Text(member, "resourceId", out var resourceId) || !Text(member, "tag", out var tag))
        {
            return (null, "lineItem.label, resourceId and tag, when sent, must be strings");
        }

        return (new RequestedLineItem(scoreMaximum, label, resourceId, tag), null);
    }

    private static bool IsObject(JsonElement item, string name) =>
        item.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.Object;

    /// <summary>True when the member is absent, null, or a short string (then in <paramref name="value"/>).</summary>
    private static bool Text(JsonElement element, string name, out string? value)
    {
        value = null;
        if (!element.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = member.ValueKind == JsonValueKind.String ? member.GetString() : null;
        return value is not null && value.Length <= MaxText;
    }
}

/// <summary>An <c>ltiResourceLink</c> content item (Deep Linking 2.0 §3.1), as it will become a link.</summary>
internal sealed record ResourceLinkItem(
    string? Title,
    string? Text,
    string? Url,
    IReadOnlyDictionary<string, string> Custom,
    string? DocumentTarget,
    DemoTimeWindow? Available,
    DemoTimeWindow? Submission,
    RequestedLineItem? LineItem);

/// <summary>The <c>lineItem</c> of a resource link item: the platform makes it, coupled to the new link.</summary>
internal sealed record RequestedLineItem(decimal ScoreMaximum, string? Label, string? ResourceId, string? Tag);

/// <summary>An item of another type: listed, not launchable; <see cref="Known"/> false when the type is none of the spec's.</summary>
internal sealed record OtherItem(string Type, string? Title, string? Url, bool Known);
