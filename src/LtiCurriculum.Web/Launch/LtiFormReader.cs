using LtiCurriculum.Web.Hosting.Limits;
using Microsoft.AspNetCore.Http.Features;

namespace LtiCurriculum.Web.Launch;

/// <summary>
/// Reads the form a platform posts, within the limits of <see cref="BodyLimits.Lti"/>. A body over the limit is a
/// clear 400, never an exception page. Read once per request: the rate limiter reads the platform from it first.
/// </summary>
internal static class LtiFormReader
{
    private static readonly object Unreadable = new();

    /// <summary>The form, an empty form when the request has none, or null when it is malformed or too large.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return FormCollection.Empty;
        }
        if (http.Items.TryGetValue(typeof(LtiFormReader), out var read))
        {
            return read as IFormCollection;
        }
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = BodyLimits.Lti.MaxBodyBytes;
        }
        IFormCollection? form;
        try
        {
            form = await new FormFeature(http.Request, BodyLimits.Lti.Form).ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            form = null;
        }
        http.Items[typeof(LtiFormReader)] = form ?? Unreadable;
        return form;
    }
}
