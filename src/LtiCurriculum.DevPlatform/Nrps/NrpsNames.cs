namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Names and Role Provisioning Services 2.0 constants (§2.1 media type, §3.6 scope, §3.6.1 launch claim). The
/// development platform keeps its own copies of the spec's names on purpose: it is an independent implementation of
/// the platform side, so a bug in the tool's protocol code cannot cancel itself out in a test.
/// </summary>
internal static class NrpsNames
{
    public const string Scope = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    public const string MembershipContainer = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    public const string Active = "Active";
    public const string Inactive = "Inactive";

    /// <summary>Where the context roles of LIS v2 live; a short <c>role</c> filter names one of these.</summary>
    public const string MembershipRolePrefix = "http://purl.imsglobal.org/vocab/lis/v2/membership";

    /// <summary>A page holds this many members unless <c>limit</c> says otherwise, so the roster spans pages.</summary>
    public const int DefaultPageSize = 20;
}
