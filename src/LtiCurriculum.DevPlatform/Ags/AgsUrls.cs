using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// The AGS service URLs as each style writes them. Moodle puts <c>?type_id=1</c> on every one and a
/// <c>/lineitem</c> suffix on items, so a tool must insert <c>/scores</c> and <c>/results</c> before the query.
/// </summary>
internal sealed record AgsUrls(string Issuer, string Style)
{
    public const string MoodleTypeIdParameter = "type_id";
    public const string MoodleTypeId = "1";

    private bool IsMoodle => Style == GradebookStyles.Moodle;

    public string LineItems(string courseId) => WithTypeId(CourseBase(courseId));

    public string LineItem(string courseId, long lineItemId) =>
        WithTypeId(ItemBase(courseId, lineItemId) + (IsMoodle ? "/lineitem" : string.Empty));

    public string Result(string courseId, long lineItemId, long resultId) =>
        $"{ItemBase(courseId, lineItemId)}/results/{resultId}";

    /// <summary>
    /// <paramref name="baseUrl"/> (which may already carry <c>type_id</c>) with more query parameters; used for
    /// paging links, which keep the request's filters.
    /// </summary>
    public static string WithQuery(string baseUrl, IEnumerable<KeyValuePair<string, string?>> parameters) =>
        QueryHelpers.AddQueryString(baseUrl, parameters);

    private string CourseBase(string courseId) => $"{Issuer}/ags/{Uri.EscapeDataString(courseId)}/lineitems";

    private string ItemBase(string courseId, long lineItemId) => $"{CourseBase(courseId)}/{lineItemId}";

    private string WithTypeId(string url) => IsMoodle ? $"{url}?{MoodleTypeIdParameter}={MoodleTypeId}" : url;
}
