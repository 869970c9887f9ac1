using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>GET and POST {issuer}/ags/{courseId}/lineitems: the course's line item container.</summary>
internal static class LineItemsEndpoint
{
    /// <summary>Container filters; <c>lti_link_id</c> is Moodle's alias of <c>resource_link_id</c>.</summary>
    private static readonly string[] FilterNames = ["resource_link_id", "lti_link_id", "resource_id", "tag"];

    public static IResult List(HttpContext context, string courseId, AgsGate gate, LineItemStore store)
    {
        var (call, refusal) = gate.Open(context, courseId, AgsScopes.LineItem, AgsScopes.LineItemReadOnly);
        if (call is null)
        {
            return refusal!;
        }

        var (paging, problem) = Paging.Read(context.Request.Query, call.Style);
        if (paging is null)
        {
            return AgsProblem.Result(call.Style, StatusCodes.Status400BadRequest, problem!);
        }

        var query = context.Request.Query;
        var filters = FilterNames.Where(query.ContainsKey).Select(name => KeyValuePair.Create(name, (string?)query[name].ToString())).ToList();
        var linkId = Filter(query, "resource_link_id") ?? Filter(query, "lti_link_id");
        var resourceId = Filter(query, "resource_id");
        var tag = Filter(query, "tag");
        var matching = store.InCourse(call.Course.Id)
            .Where(item => (linkId is null || item.Values.ResourceLinkId == linkId)
                && (resourceId is null || item.Values.ResourceId == resourceId)
                && (tag is null || item.Values.Tag == tag))
            .ToList();
        var link = paging.LinkHeader(call.Urls.LineItems(call.Course.Id), filters, matching.Count);
        if (link is not null)
        {
            context.Response.Headers.Link = link;
        }

        var page = paging.Slice(matching).Select(item => LineItemJson.Write(item, call.Urls)).ToList();
        return Results.Json(page, AgsJson.Options, AgsMediaTypes.LineItemContainer);
    }

    public static async Task<IResult> CreateAsync(HttpContext context, string courseId, AgsGate gate, LineItemStore store)
    {
        var (call, refusal) = gate.Open(context, courseId, AgsScopes.LineItem);
        if (call is null)
        {
            return refusal!;
        }

        var (draft, problem) = await LineItemBody.ReadAsync(context, call);
        if (draft is null)
        {
            return problem!;
        }

        var created = store.Create(call.Course.Id, draft);
        if (created is null)
        {
            return AgsProblem.Result(call.Style, StatusCodes.Status507InsufficientStorage,
                $"The development platform holds at most {LineItemStore.Capacity} line items; POST control/reset.");
        }

        var view = LineItemJson.Write(created, call.Urls);
        context.Response.Headers.Location = view.Id;
        return Results.Json(view, AgsJson.Options, AgsMediaTypes.LineItem, StatusCodes.Status201Created);
    }

    private static string? Filter(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;
}
