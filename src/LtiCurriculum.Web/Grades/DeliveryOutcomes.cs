using LtiCurriculum.Lti.Ags;

namespace LtiCurriculum.Web.Grades;

/// <summary>
/// What a failed score call means, per platform behaviour (LTI-NOTES §2, §3):
/// <list type="bullet">
/// <item>network failures, timeouts, 5xx, 408, 429, a 401 that survived a token refresh: retry later (Retry-After honoured);</item>
/// <item>409 (Moodle: timestamp not newer): if an earlier send of this very score may have landed, it did — delivered;
/// otherwise the gradebook holds a newer grade (changed in the LMS) and a person must decide;</item>
/// <item>422 naming the user (Canvas: Test Student, an instructor previewing): not gradable, never retried;</item>
/// <item>any other 4xx: permanent, the platform's answer is kept for the instructor and admin.</item>
/// </list>
/// A token endpoint that refuses us is a registration problem: retried with backoff (an admin may fix it) until the
/// failure limit, and its answer shown.
/// </summary>
public static class DeliveryOutcomes
{
    public static DeliveryResult Classify(AgsException failure, LeasedDelivery delivery)
    {
        var said = Describe(failure);
        if (failure.IsTransient)
        {
            return new DeliveryResult(DeliveryVerdict.Retry, failure.StatusCode, said, failure.RetryAfter,
                AnswerUnknown: failure.StatusCode is null && !failure.FromTokenEndpoint, PlatformTrouble: failure.StatusCode is null or >= 500 or 429 || failure.FromTokenEndpoint);
        }
        if (failure.FromTokenEndpoint)
        {
            return new DeliveryResult(DeliveryVerdict.Retry, failure.StatusCode, "The platform's token endpoint refused the tool: " + said, PlatformTrouble: true);
        }
        return failure.StatusCode switch
        {
            // Refused before any request: a scope the launch did not grant, no line item service.
            null => new DeliveryResult(DeliveryVerdict.NeedsAttention, null, "The tool cannot send this score: " + said),
            409 when delivery.MaybeSentBefore => new DeliveryResult(DeliveryVerdict.Delivered, 409, "The platform already had this score from an earlier send."),
            409 => new DeliveryResult(DeliveryVerdict.NeedsAttention, 409, "The gradebook holds a newer grade for this learner (changed in the LMS?): " + said),
            422 when NamesTheUser(failure.PlatformBody) => new DeliveryResult(DeliveryVerdict.NotGradable, 422, "The platform says this user is not a gradable student (preview or test student): " + said),
            _ => new DeliveryResult(DeliveryVerdict.NeedsAttention, failure.StatusCode, "The platform refused the score: " + said),
        };
    }

    private static bool NamesTheUser(string? body) =>
        body is not null && (body.Contains("student", StringComparison.OrdinalIgnoreCase) || body.Contains("user", StringComparison.OrdinalIgnoreCase));

    private static string Describe(AgsException failure) =>
        failure.PlatformBody is { Length: > 0 } body ? $"{failure.Message} Platform said: {body}" : failure.Message;
}
