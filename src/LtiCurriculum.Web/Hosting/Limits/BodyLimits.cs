using Microsoft.AspNetCore.Http.Features;

namespace LtiCurriculum.Web.Hosting.Limits;

/// <summary>What one endpoint group accepts in a body: its size, and a form's field count, key and value lengths.</summary>
internal sealed record BodyLimit(long MaxBodyBytes, int MaxFields, int MaxValueLength, int MaxKeyLength)
{
    public FormOptions Form { get; } = new()
    {
        ValueCountLimit = MaxFields,
        ValueLengthLimit = MaxValueLength,
        KeyLengthLimit = MaxKeyLength,
        MultipartBodyLengthLimit = MaxBodyBytes,
    };
}

/// <summary>
/// Explicit limits per endpoint group, set before anything reads the body, so every reader (the session handler, the
/// form-token filter, the handler itself) gets the same ones. A body over them is 413 <c>form_too_large</c> (see
/// <see cref="RequestBodyErrors"/>); groups not listed keep the server's defaults.
/// </summary>
internal static class BodyLimits
{
    /// <summary>Platform posts: an id_token of a few kilobytes, with a generous cap for platforms that put much in it.</summary>
    public static readonly BodyLimit Lti = new(MaxBodyBytes: 4 * 1024 * 1024, MaxFields: 256, MaxValueLength: 2 * 1024 * 1024, MaxKeyLength: 1024);

    /// <summary>The registration confirmation: a 64-character id and an action.</summary>
    public static readonly BodyLimit Registration = new(MaxBodyBytes: 16 * 1024, MaxFields: 16, MaxValueLength: 1024, MaxKeyLength: 64);

    /// <summary>An answer: a reflection may be 20,000 characters (a pack's largest max_length), four bytes each at worst.</summary>
    public static readonly BodyLimit Learn = new(MaxBodyBytes: 512 * 1024, MaxFields: 128, MaxValueLength: 128 * 1024, MaxKeyLength: 256);

    /// <summary>Settings and grading forms; deep linking posts up to 50 modules' settings at once.</summary>
    public static readonly BodyLimit Teach = new(MaxBodyBytes: 256 * 1024, MaxFields: 1024, MaxValueLength: 16 * 1024, MaxKeyLength: 256);

    /// <summary>A pack's zip (<c>Packs:MaxUploadBytes</c>) and the form's session, token and file fields.</summary>
    public static BodyLimit PackUpload(Packs.PackUploadLimits limits) =>
        new(MaxBodyBytes: limits.MaxRequestBytes, MaxFields: 16, MaxValueLength: 8 * 1024, MaxKeyLength: 64);

    public static BodyLimit? For(EndpointGroup group) => group switch
    {
        EndpointGroup.LtiLogin or EndpointGroup.LtiLaunch => Lti,
        EndpointGroup.Registration => Registration,
        EndpointGroup.Learn => Learn,
        EndpointGroup.Teach => Teach,
        _ => null,
    };

    private static FormOptions DefaultForm(HttpContext context) =>
        context.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<FormOptions>>()?.Value ?? new FormOptions();

    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        var group = EndpointGroups.HasBody(request) ? EndpointGroups.Of(request) : EndpointGroup.Other;
        var limit = group == EndpointGroup.PackUpload ? PackUpload(context.RequestServices.GetRequiredService<Packs.PackUploadLimits>()) : For(group);
        if (limit is not null)
        {
            if (request.ContentLength > limit.MaxBodyBytes)
            {
                // Refused before a byte of it is read.
                return RequestBodyErrors.WriteAsync(context, RequestBodyErrors.TooLarge);
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit.MaxBodyBytes;
            }
        }
        // Every form, with the group's limits or the server's defaults, gets the same answers when it is broken. A form
        // read already (by a middleware placed earlier) keeps its reader: a new one would find the body consumed.
        if (request.HasFormContentType && context.Features.Get<IFormFeature>()?.Form is null)
        {
            context.Features.Set<IFormFeature>(new CheckedFormFeature(request, limit?.Form ?? DefaultForm(context)));
        }
        return next(context);
    });
}
