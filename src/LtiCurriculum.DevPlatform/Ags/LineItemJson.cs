using System.Text.Json;
using System.Text.Json.Serialization;

namespace LtiCurriculum.DevPlatform;

/// <summary>The line item wire format (AGS 2.0 §3.2): read from a POST or PUT body, written with its id URL.</summary>
internal static class LineItemJson
{
    private const int MaxTextLength = 1000;

    /// <summary>The draft, or what is wrong with the body; <c>UnknownLink</c> when resourceLinkId names no link of the course.</summary>
    public static (LineItemDraft? Draft, string? Problem, bool UnknownLink) Read(JsonElement body, DemoCourse course, Func<string, bool> hasLink)
    {
        if (!OptionalText(body, "label", out var label) || string.IsNullOrWhiteSpace(label))
        {
            return Bad("label is required: a non-empty string");
        }

        if (!body.TryGetProperty("scoreMaximum", out var maximum) || maximum.ValueKind != JsonValueKind.Number
            || !maximum.TryGetDecimal(out var scoreMaximum) || scoreMaximum <= 0)
        {
            return Bad("scoreMaximum is required: a number greater than 0");
        }

        foreach (var name in new[] { "resourceLinkId", "resourceId", "tag", "startDateTime", "endDateTime" })
        {
            if (!OptionalText(body, name, out _))
            {
                return Bad($"{name}, when sent, must be a string of at most {MaxTextLength} characters");
            }
        }

        OptionalText(body, "resourceLinkId", out var linkId);
        OptionalText(body, "resourceId", out var resourceId);
        OptionalText(body, "tag", out var tag);
        OptionalText(body, "startDateTime", out var start);
        OptionalText(body, "endDateTime", out var end);
        if (linkId is not null && !hasLink(linkId))
        {
            return (null, $"resourceLinkId \"{linkId}\" is no resource link of this tool in {course.Label}", true);
        }

        return (new LineItemDraft(label!, scoreMaximum, linkId, resourceId, tag, start, end), null, false);
    }

    public static LineItemView Write(StoredLineItem item, AgsUrls urls) => new(
        urls.LineItem(item.CourseId, item.Id),
        item.Values.Label,
        item.Values.ScoreMaximum,
        item.Values.ResourceId,
        item.Values.Tag,
        item.Values.ResourceLinkId,
        item.Values.StartDateTime,
        item.Values.EndDateTime);

    /// <summary>True when the member is absent, null, or a short string (then in <paramref name="value"/>).</summary>
    private static bool OptionalText(JsonElement body, string name, out string? value)
    {
        value = null;
        if (!body.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = member.ValueKind == JsonValueKind.String ? member.GetString() : null;
        return value is not null && value.Length <= MaxTextLength;
    }

    private static (LineItemDraft?, string?, bool) Bad(string problem) => (null, problem, false);
}

internal sealed record LineItemView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("scoreMaximum")] decimal ScoreMaximum,
    [property: JsonPropertyName("resourceId")] string? ResourceId,
    [property: JsonPropertyName("tag")] string? Tag,
    [property: JsonPropertyName("resourceLinkId")] string? ResourceLinkId,
    [property: JsonPropertyName("startDateTime")] string? StartDateTime,
    [property: JsonPropertyName("endDateTime")] string? EndDateTime);
