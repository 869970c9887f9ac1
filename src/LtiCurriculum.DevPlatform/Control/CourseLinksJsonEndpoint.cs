using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET {issuer}/courses/{courseId}/links.json: the course's resource links, built-in and made by deep linking, with
/// what each launch will carry (custom parameters, the coupled line item's URL), for tests to assert on.
/// </summary>
internal static class CourseLinksJsonEndpoint
{
    public static IResult Handle(HttpRequest request, string courseId, DemoDirectory directory, CourseLinks courseLinks, LineItemStore lineItems,
        GradebookStyleState styles)
    {
        var course = directory.FindCourse(courseId);
        if (course is null)
        {
            return ControlJson.Problem($"there is no demo course \u201c{courseId}\u201d", StatusCodes.Status404NotFound);
        }

        var urls = PlatformUrls.For(request);
        var agsUrls = new AgsUrls(urls.Issuer, styles.Current);
        var links = courseLinks.Of(course).Select(link => new LinkRow(
            link.Id, link.Title, link.Text, link.Url, link.Custom, link.DocumentTarget,
            link.Available is null ? null : new WindowRow(link.Available.StartDateTime, link.Available.EndDateTime),
            link.Submission is null ? null : new WindowRow(link.Submission.StartDateTime, link.Submission.EndDateTime),
            lineItems.FindCoupled(course.Id, link.Id) is { } coupled ? agsUrls.LineItem(course.Id, coupled.Id) : null,
            link.CreatedByDeepLinking)).ToList();
        return Results.Json(new CourseLinksRow(course.Id, course.Label, course.Title, links), ControlJson.Options);
    }

    private sealed record CourseLinksRow(
        [property: JsonPropertyName("courseId")] string CourseId,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("links")] IReadOnlyList<LinkRow> Links);

    private sealed record LinkRow(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("custom")] IReadOnlyDictionary<string, string> Custom,
        [property: JsonPropertyName("documentTarget")] string? DocumentTarget,
        [property: JsonPropertyName("available")] WindowRow? Available,
        [property: JsonPropertyName("submission")] WindowRow? Submission,
        [property: JsonPropertyName("lineItem")] string? LineItem,
        [property: JsonPropertyName("createdByDeepLinking")] bool CreatedByDeepLinking);

    private sealed record WindowRow(
        [property: JsonPropertyName("startDateTime")] string? StartDateTime,
        [property: JsonPropertyName("endDateTime")] string? EndDateTime);
}
