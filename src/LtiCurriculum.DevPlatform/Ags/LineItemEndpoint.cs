using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>GET, PUT (full replace) and DELETE {issuer}/ags/{courseId}/lineitems/{id}, also with Moodle's /lineitem suffix.</summary>
internal static class LineItemEndpoint
{
    public static IResult Get(HttpContext context, string courseId, long id, AgsGate gate, LineItemStore store)
    {
        var (call, refusal) = gate.Open(context, courseId, AgsScopes.LineItem, AgsScopes.LineItemReadOnly);
        if (call is null)
        {
            return refusal!;
        }

        var item = store.Find(call.Course.Id, id);
        return item is null ? NotFound(call, id) : Results.Json(LineItemJson.Write(item, call.Urls), AgsJson.Options, AgsMediaTypes.LineItem);
    }

    public static async Task<IResult> ReplaceAsync(HttpContext context, string courseId, long id, AgsGate gate, LineItemStore store)
    {
        var (call, refusal) = gate.Open(context, courseId, AgsScopes.LineItem);
        if (call is null)
        {
            return refusal!;
        }

        if (store.Find(call.Course.Id, id) is null)
        {
            return NotFound(call, id);
        }

        var (draft, problem) = await LineItemBody.ReadAsync(context, call);
        if (draft is null)
        {
            return problem!;
        }

        var replaced = store.Replace(call.Course.Id, id, draft);
        return replaced is null ? NotFound(call, id) : Results.Json(LineItemJson.Write(replaced, call.Urls), AgsJson.Options, AgsMediaTypes.LineItem);
    }

    public static IResult Delete(HttpContext context, string courseId, long id, AgsGate gate, LineItemStore store, ResultStore results)
    {
        var (call, refusal) = gate.Open(context, courseId, AgsScopes.LineItem);
        if (call is null)
        {
            return refusal!;
        }

        if (!store.Delete(call.Course.Id, id))
        {
            return NotFound(call, id);
        }

        results.RemoveLineItem(id);
        return Results.NoContent();
    }

    public static IResult NotFound(AgsCall call, long id) =>
        AgsProblem.Result(call.Style, StatusCodes.Status404NotFound, $"There is no line item {id} in {call.Course.Label}.");
}
