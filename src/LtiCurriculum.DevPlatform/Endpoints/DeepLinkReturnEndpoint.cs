using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// POST /dev-platform/deep-link-return: the deep_link_return_url. Checks the tool's LtiDeepLinkingResponse
/// (<see cref="DeepLinkingResponseVerifier"/>; a refusal is a 400 page naming the failed check), then makes a link in
/// the request's course for each <c>ltiResourceLink</c> item, with its coupled line item when the item declared a
/// <c>lineItem</c> (Deep Linking 2.0 §3.1, as Canvas and Moodle do), and shows what came back.
/// </summary>
internal static class DeepLinkReturnEndpoint
{
    public const string RefusedHeading = "The deep linking response was refused";

    public static async Task<IResult> HandleAsync(
        HttpContext context, DeepLinkingResponseVerifier verifier, DeepLinkingRequests requests, DemoDirectory directory, CourseLinks courseLinks,
        LineItemStore lineItems, GradebookStyleState styles, ILoggerFactory loggerFactory)
    {
        var request = context.Request;
        var urls = PlatformUrls.For(request);
        var logger = loggerFactory.CreateLogger(DevPlatformLog.Category);
        IFormCollection form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            // A form over the server's limits, or one that cannot be read (the tool's form reader reports both as
            // BadHttpRequestException), is refused like any unreadable response, never a 500.
            form = FormCollection.Empty;
        }

        var (response, refusal) = await verifier.VerifyAsync(form["JWT"].ToString(), urls, context.RequestAborted);
        if (response is null)
        {
            return Refused(logger, urls, refusal!);
        }

        var course = directory.FindCourse(response.Request.CourseId)!;
        if (!requests.TryUse(response.Request.Data))
        {
            return Refused(logger, urls, new("data", "This data was already used by an earlier response: a deep linking request is answered once (replay refused)."));
        }

        var drafts = response.Items.ResourceLinks.Select(item => new DemoLink(string.Empty, item.Title ?? "Untitled activity", item.Custom)
        {
            Text = item.Text,
            Url = item.Url,
            DocumentTarget = item.DocumentTarget,
            Available = item.Available,
            Submission = item.Submission,
        }).ToList();
        var made = courseLinks.Add(course.Id, drafts);
        if (made is null)
        {
            return Refused(logger, urls, new("content_items",
                $"{course.Label} holds at most {CourseLinks.CapacityPerCourse} links made by deep linking; POST control/reset to start again."));
        }

        var agsUrls = new AgsUrls(urls.Issuer, styles.Current);
        var created = made.Select((link, index) =>
        {
            var declared = response.Items.ResourceLinks[index].LineItem;
            if (declared is null)
            {
                return new CreatedLink(link, null);
            }

            var draft = new LineItemDraft(declared.Label ?? link.Title, declared.ScoreMaximum, link.Id, declared.ResourceId, declared.Tag,
                link.Submission?.StartDateTime, link.Submission?.EndDateTime);
            return new CreatedLink(link, agsUrls.LineItem(course.Id, lineItems.CoupleNew(course.Id, draft).Id));
        }).ToList();
        logger.DeepLinkingAccepted(course.Id, created.Count, response.Items.Count);
        return DeepLinkResponsePage.Render(urls, course, response, created);
    }

    private static HtmlPage Refused(ILogger logger, PlatformUrls urls, DeepLinkingRefusal refusal)
    {
        logger.DeepLinkingRefused(refusal.Check);
        return MessagePages.FailedCheck(urls, RefusedHeading, refusal.Check, refusal.Sentence);
    }
}

/// <summary>A link made from a deep linking response, with the URL of its coupled line item when it declared one.</summary>
internal sealed record CreatedLink(DemoLink Link, string? LineItemUrl);
