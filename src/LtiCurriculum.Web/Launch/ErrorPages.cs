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
            Heading = heading ?? "This launch could not be completed",
            ReasonCode = failure.Code,
            failure.Description,
            CorrelationId = CorrelationId(httpContext),
            BackUrl = backUrl,
            ReturnUrl = returnUrl is null ? null : QueryHelpers.AddQueryString(returnUrl, "lti_errormsg", failure.Description),
        })
        { StatusCode = failure.StatusCode };
    }

    public static string CorrelationId(HttpContext httpContext) => Activity.Current?.TraceId.ToString() ?? httpContext.TraceIdentifier;
}
