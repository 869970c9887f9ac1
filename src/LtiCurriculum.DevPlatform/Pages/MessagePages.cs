using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>Short pages that tell the person what went wrong or what came back.</summary>
internal static class MessagePages
{
    public static HtmlPage BadField(PlatformUrls urls, string heading, string field, string problem) =>
        BadRequest(urls, heading, $"The field \u201c{field}\u201d {problem}.");

    public static HtmlPage BadRequest(PlatformUrls urls, string heading, string sentence) =>
        new(heading,
            $"<h1>{Html.Encode(heading)}</h1>\n<p class=\"error\" role=\"alert\">{Html.Encode(sentence)}</p>\n{BackLink(urls)}",
            StatusCodes.Status400BadRequest);

    /// <summary>
    /// A 400 page for a refused message: the failed check is named in words and in <c>data-check</c>, for people and tests.
    /// </summary>
    public static HtmlPage FailedCheck(PlatformUrls urls, string heading, string check, string sentence) =>
        new(heading,
            $"<h1>{Html.Encode(heading)}</h1>\n<p class=\"error\" role=\"alert\" data-check=\"{Html.Encode(check)}\">" +
            $"Failed check: <strong>{Html.Encode(check)}</strong>. {Html.Encode(sentence)}</p>\n" +
            "<p>Nothing was added to the course.</p>\n" + BackLink(urls),
            StatusCodes.Status400BadRequest);

    public static HtmlPage Return(PlatformUrls urls, string? message, string? errorMessage)
    {
        var body = "<h1>Back in the development platform</h1>\n";
        if (message is null && errorMessage is null)
        {
            body += "<p>The tool sent no message.</p>\n";
        }

        if (message is not null)
        {
            body += $"<h2>Message from the tool</h2>\n<p>{Html.Encode(message)}</p>\n";
        }

        if (errorMessage is not null)
        {
            body += $"<h2>Error from the tool</h2>\n<p class=\"error\">{Html.Encode(errorMessage)}</p>\n";
        }

        return new HtmlPage("Back from the tool", body + BackLink(urls));
    }

    private static string BackLink(PlatformUrls urls) =>
        $"<p><a href=\"{Html.Encode(urls.Issuer)}\">Back to the demo courses</a></p>";
}
