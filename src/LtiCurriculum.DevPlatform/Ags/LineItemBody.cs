using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Reads the line item of a POST or PUT: the lineitem media type (else 415), a valid body (else 400), and a
/// resourceLinkId of the course when one is named (else 403 in Moodle style, as Moodle answers, and 400 otherwise).
/// </summary>
internal static class LineItemBody
{
    public static async Task<(LineItemDraft? Draft, IResult? Problem)> ReadAsync(HttpContext context, AgsCall call)
    {
        if (!AgsJson.HasMediaType(context.Request, AgsMediaTypes.LineItem))
        {
            return (null, AgsProblem.Result(call.Style, StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be {AgsMediaTypes.LineItem}."));
        }

        var body = await AgsJson.ReadObjectAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return (null, AgsProblem.Result(call.Style, StatusCodes.Status400BadRequest, "The body must be a JSON object of at most 64 KiB."));
        }

        var (draft, problem, unknownLink) = LineItemJson.Read(body.Value, call.Course, call.HasLink);
        if (draft is not null)
        {
            return (draft, null);
        }

        var status = unknownLink && call.Style == GradebookStyles.Moodle ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return (null, AgsProblem.Result(call.Style, status, problem!));
    }
}
