using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Maps the token endpoint and the AGS services, each behind the fault rules of its target. Item URLs answer with
/// and without Moodle's <c>/lineitem</c> suffix.
/// </summary>
internal static class AgsEndpoints
{
    public static void Map(RouteGroupBuilder platform)
    {
        platform.MapPost("/token", TokenEndpoint.HandleAsync).AddEndpointFilter(new FaultFilter(FaultTargets.Token));

        var lineItems = platform.MapGroup("/ags/{courseId}/lineitems").AddEndpointFilter(new FaultFilter(FaultTargets.LineItems));
        lineItems.MapGet(string.Empty, LineItemsEndpoint.List);
        lineItems.MapPost(string.Empty, LineItemsEndpoint.CreateAsync);
        foreach (var item in new[] { "/{id:long}", "/{id:long}/lineitem" })
        {
            lineItems.MapGet(item, LineItemEndpoint.Get);
            lineItems.MapPut(item, LineItemEndpoint.ReplaceAsync);
            lineItems.MapDelete(item, LineItemEndpoint.Delete);
        }

        foreach (var item in new[] { "/ags/{courseId}/lineitems/{id:long}", "/ags/{courseId}/lineitems/{id:long}/lineitem" })
        {
            platform.MapPost(item + "/scores", ScoresEndpoint.PostAsync).AddEndpointFilter(new FaultFilter(FaultTargets.Scores));
            platform.MapGet(item + "/results", ResultsEndpoint.List).AddEndpointFilter(new FaultFilter(FaultTargets.Results));
        }
    }
}
