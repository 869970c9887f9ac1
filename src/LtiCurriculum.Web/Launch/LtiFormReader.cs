using Microsoft.AspNetCore.Http.Features;

namespace LtiCurriculum.Web.Launch;

/// <summary>
/// Reads the form a platform posts, within limits sized for LTI (an id_token of a few kilobytes, a
/// generous cap of 2 MB per value). A body over the limit is a clear 400, never an exception page.
/// </summary>
internal static class LtiFormReader
{
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    private static readonly FormOptions Limits = new()
    {
        ValueLengthLimit = 2 * 1024 * 1024,
        ValueCountLimit = 256,
        KeyLengthLimit = 1024,
        MultipartBodyLengthLimit = MaxBodyBytes,
    };

    /// <summary>The form, an empty form when the request has none, or null when it is malformed or too large.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return FormCollection.Empty;
        }
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        }
        try
        {
            var reader = new FormFeature(http.Request, Limits);
            return await reader.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }
}
