using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>GET /dev-platform/gradebook: the gradebook page.</summary>
internal static class GradebookEndpoint
{
    public static IResult Handle(
        HttpRequest request, DemoDirectory directory, GradebookStyleState styles, LineItemStore lineItems, ResultStore results, ScoreLog log,
        GradebookCounters counters) =>
        GradebookPage.Render(directory, PlatformUrls.For(request), styles.Current, lineItems.All(), results.All(),
            log.Recent(GradebookPage.LogRows), counters);
}
