using Microsoft.AspNetCore.Http.Features;

namespace LtiCurriculum.Web.Hosting.Limits;

/// <summary>
/// The framework's form reader, with what it throws for a broken body turned into the
/// <see cref="BadHttpRequestException"/> it is: 413 for a form over the limits, 400 for one that cannot be read (a
/// multipart body cut short, a missing or overlong boundary, a section without a form-data disposition). Unchanged,
/// a cut-short multipart body surfaced as an <see cref="IOException"/> and answered 500, and every other broken body
/// as an <see cref="InvalidDataException"/> that read as "too large". Every reader of the form (the session handler,
/// the rate limiter's platform lookup, the form-token filter, the handler) goes through this feature, so all of them
/// see the same answer, which <see cref="RequestBodyErrors"/> writes.
/// </summary>
internal sealed class CheckedFormFeature(HttpRequest request, FormOptions options) : IFormFeature
{
    private readonly FormFeature _inner = new(request, options);

    public bool HasFormContentType => _inner.HasFormContentType;

    public IFormCollection? Form
    {
        get => _inner.Form;
        set => _inner.Form = value;
    }

    public IFormCollection ReadForm()
    {
        try
        {
            return _inner.ReadForm();
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<IFormCollection> ReadFormAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _inner.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// The framework words its form limits "… limit N exceeded." (field count, key and value length, multipart body,
    /// header length and count); the boundary's own length limit concerns the Content-Type header, not the amount sent.
    /// </summary>
    public static bool IsOverLimit(InvalidDataException exception) =>
        exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
        && !exception.Message.Contains("boundary", StringComparison.OrdinalIgnoreCase);

    private BadHttpRequestException? Translate(Exception exception) => exception switch
    {
        BadHttpRequestException => null,
        InvalidDataException invalid when IsOverLimit(invalid) => new BadHttpRequestException(invalid.Message, StatusCodes.Status413PayloadTooLarge, invalid),
        InvalidDataException invalid => new BadHttpRequestException(invalid.Message, StatusCodes.Status400BadRequest, invalid),
        // A client that went away is not sent an answer; anything else cut the body short.
        IOException cut when !request.HttpContext.RequestAborted.IsCancellationRequested => new BadHttpRequestException(cut.Message, StatusCodes.Status400BadRequest, cut),
        _ => null,
    };
}
