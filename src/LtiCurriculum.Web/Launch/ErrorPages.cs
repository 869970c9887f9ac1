using LtiCurriculum.Web.Components;
using System.Diagnostics;
using LtiCurriculum.Lti.Launch;
using LtiCurriculum.Web.Components.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace LtiCurriculum.Web.Launch;

/// <summary>The page a refused request gets: status, reason code, correlation id, and the way back to the LMS.</summary>
public static class ErrorPages
{
    public static HtmlPageResult<ErrorPage> For(HttpContext httpContext, LaunchFailure failure, string? returnUrl = null, string? heading = null, string? backUrl = null)
    {
        httpContext.Response.Headers.CacheControl = "no-store";
        return new HtmlPageResult<ErrorPage>(new
        {
            Heading = heading ?? DefaultHeading(failure),
            ReasonCode = failure.Code,
            failure.Description,
            CorrelationId = CorrelationId(httpContext),
            BackUrl = backUrl,
            ReturnUrl = returnUrl is null ? null : QueryHelpers.AddQueryString(returnUrl, "lti_errormsg", failure.Description),
        })
        { StatusCode = failure.StatusCode };
    }

    /// <summary>
    /// A launch that came back with neither carrier (no cookie, nothing from the platform's storage) is headed as the login
    /// page's fallback is. It offers no link: the tool cannot restart a launch (a new login needs the platform's
    /// login_hint and lti_message_hint, which are not kept and may be single use), and its target_link_uri is the launch
    /// endpoint itself; only the course can, so the description says how to reopen it there in a new window.
    /// </summary>
    private static string DefaultHeading(LaunchFailure failure) =>
        failure.Code == LaunchFailures.StateNotInBrowser.Code ? NoCarrierHeading : "This launch could not be completed";

    public const string NoCarrierHeading = "Your browser blocks this activity inside the course page";

    public static string CorrelationId(HttpContext httpContext) => Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
}
