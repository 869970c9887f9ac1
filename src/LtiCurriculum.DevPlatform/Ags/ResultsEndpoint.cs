using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>GET {lineitem}/results (and Moodle's …/lineitem/results): the result container, filtered by user_id, paged like line items.</summary>
internal static class ResultsEndpoint
{
    public static IResult List(HttpContext context, string courseId, long id, AgsGate gate, LineItemStore lineItems, ResultStore results)
    {
        var (call, refusal) = gate.Open(context, courseId, AgsScopes.ResultReadOnly);
        if (call is null)
        {
            return refusal!;
        }

        var item = lineItems.Find(call.Course.Id, id);
        if (item is null)
        {
            return LineItemEndpoint.NotFound(call, id);
        }

        var (paging, problem) = Paging.Read(context.Request.Query, call.Style);
        if (paging is null)
        {
            return AgsProblem.Result(call.Style, StatusCodes.Status400BadRequest, problem!);
        }

        var userId = context.Request.Query["user_id"].ToString();
        var filters = userId.Length == 0 ? [] : new List<KeyValuePair<string, string?>> { new("user_id", userId) };
        var matching = results.ForLineItem(item.Id).Where(result => userId.Length == 0 || result.UserId == userId).ToList();
        var link = paging.LinkHeader(ResultsUrl(call.Urls.LineItem(item.CourseId, item.Id)), filters, matching.Count);
        if (link is not null)
        {
            context.Response.Headers.Link = link;
        }

        var lineItemUrl = call.Urls.LineItem(item.CourseId, item.Id);
        var rows = paging.Slice(matching).Select(result => new ResultView(
            call.Urls.Result(item.CourseId, item.Id, result.Id), lineItemUrl, result.UserId, result.ScoreGiven, result.ScoreMaximum, result.Comment)).ToList();
        return Results.Json(rows, AgsJson.Options, AgsMediaTypes.ResultContainer);
    }

    /// <summary>"/results" inserted before the query, as a tool must do it.</summary>
    private static string ResultsUrl(string lineItemUrl)
    {
        var query = lineItemUrl.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? lineItemUrl + "/results" : lineItemUrl[..query] + "/results" + lineItemUrl[query..];
    }

    private sealed record ResultView(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("scoreOf")] string ScoreOf,
        [property: JsonPropertyName("userId")] string UserId,
        [property: JsonPropertyName("resultScore")] decimal? ResultScore,
        [property: JsonPropertyName("resultMaximum")] decimal? ResultMaximum,
        [property: JsonPropertyName("comment")] string? Comment);
}
