using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// GET /dev-platform/framed-launch?course=…&amp;link=…&amp;user=…[&amp;storage=off]: a Canvas-like course page with the tool in
/// an iframe, launched the way Canvas launches (GET login initiation with <c>lti_storage_target</c>). With storage on
/// (the default) the page and its <c>post_message_forwarding</c> frame answer the tool's platform storage messages
/// (LTI Client Side postMessages 0.1, Platform Storage 0.1); with <c>storage=off</c> nobody answers, as in Canvas's
/// mobile apps. Open it on another host name than the tool's (e.g. localhost vs 127.0.0.1) to make the frame cross-site.
/// </summary>
internal static class FramedLaunchEndpoint
{
    private const string Heading = "The launch could not start";
    public const string StorageField = "storage";

    public static async Task<IResult> HandleAsync(
        HttpContext context, DemoDirectory directory, CourseLinks courseLinks, DynamicRegistrations registrations, ToolClients clients, PendingLaunchStore store,
        IOptions<DevPlatformOptions> options, ILoggerFactory loggerFactory)
    {
        var urls = PlatformUrls.For(context.Request);
        var query = new FormCollection(context.Request.Query.ToDictionary(p => p.Key, p => p.Value));
        var (choice, badField, problem) = LaunchChoice.Read(query, directory, courseLinks, registrations, options.Value);
        if (choice is null)
        {
            return MessagePages.BadField(urls, Heading, badField!, problem!);
        }
        var storageOn = query[StorageField].FirstOrDefault() is not "off";

        var logger = loggerFactory.CreateLogger(DevPlatformLog.Category);
        if (choice.Registration is null)
        {
            await LaunchEndpoint.EnsureToolKnowsPlatformAsync(context, urls, options.Value, logger);
        }
        var client = choice.Registration is null ? clients.Default(urls) : ToolClients.Of(choice.Registration);
        var target = storageOn ? PlatformStorageNames.ForwardingFrame : "_parent";
        var hint = store.Remember(new PendingLaunch(
            urls.Origin, choice.Course, choice.Link, choice.User, choice.MessageType, choice.Locale, choice.AcceptMultiple, choice.Registration, target));
        var parameters = LoginInitiation.Parameters(urls, client, choice.User, hint, LoginStyles.Get, DemoLaunchFactory.TargetLinkUri(client, choice.Link, choice.MessageType))
            .Select(p => p.Key == PlatformStorageNames.TargetParameter ? new KeyValuePair<string, string>(p.Key, target) : p)
            .ToList();
        logger.LaunchStarted(choice.MessageType, choice.User.Key, choice.Course.Id, "framed");

        var loginUrl = QueryHelpers.AddQueryString(client.LoginUri, parameters!);
        var toolOrigin = new Uri(client.LoginUri).GetLeftPart(UriPartial.Authority);
        var body = new StringBuilder()
            .Append("<h1>").Append(Html.Encode(choice.Course.Label)).Append(": ").Append(Html.Encode(choice.Link?.Title ?? "Deep linking")).Append("</h1>\n")
            .Append("<p>A Canvas-like course page: the tool runs in the frame below. Platform storage is ")
            .Append(storageOn ? "on (this page and its forwarding frame answer the tool)." : "off (nobody answers the tool's messages).").Append("</p>\n");
        if (storageOn)
        {
            body.Append("<iframe name=\"").Append(PlatformStorageNames.ForwardingFrame).Append("\" title=\"Platform storage\" hidden src=\"")
                .Append(Html.Encode(urls.Issuer + "/" + PlatformStorageNames.ForwardingFrame)).Append("\"></iframe>\n");
        }
        body.Append("<iframe id=\"tool-frame\" title=\"").Append(Html.Encode(choice.Link?.Title ?? "The tool")).Append("\" src=\"")
            .Append(Html.Encode(loginUrl)).Append("\" allow=\"clipboard-write\"></iframe>\n")
            .Append("<p><a href=\"").Append(Html.Encode(urls.Issuer)).Append("\">Back to the demo courses</a></p>\n");
        return new HtmlPage("Course page", body.ToString(), script: storageOn ? PlatformStorageScripts.CoursePage : null,
            frameOrigin: "'self' " + toolOrigin, bodyAttributes: storageOn ? $" data-tool-origin=\"{Html.Encode(toolOrigin)}\"" : null);
    }

    /// <summary>GET /dev-platform/post_message_forwarding: the storage frame of the course page.</summary>
    public static IResult ForwardingFrame(HttpContext context, ToolClients clients)
    {
        var urls = PlatformUrls.For(context.Request);
        var toolOrigin = new Uri(clients.Default(urls).LoginUri).GetLeftPart(UriPartial.Authority);
        return new HtmlPage("Platform storage", "<p>Platform storage for the tool at " + Html.Encode(toolOrigin) + ".</p>",
            script: PlatformStorageScripts.ForwardingFrame, bodyAttributes: $" data-tool-origin=\"{Html.Encode(toolOrigin)}\"");
    }
}
