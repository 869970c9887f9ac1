namespace LtiCurriculum.Lti.Nrps;

/// <summary>The scope a tool asks for to read memberships (NRPS 2.0).</summary>
public static class NrpsScopes
{
    public const string ContextMembershipReadOnly = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
}

/// <summary>
/// The membership container media type. Requests carry it alone in Accept: Moodle compares the header with it as a whole.
/// </summary>
public static class NrpsMediaTypes
{
    public const string MembershipContainer = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
}
