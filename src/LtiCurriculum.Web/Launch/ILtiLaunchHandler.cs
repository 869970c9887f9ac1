using LtiCurriculum.Lti.Launch;

namespace LtiCurriculum.Web.Launch;

/// <summary>What happens after a launch passed every check: the one place the product hooks into the protocol.</summary>
public interface ILtiLaunchHandler
{
    Task<IResult> HandleAsync(LtiLaunch launch, HttpContext httpContext);
}
