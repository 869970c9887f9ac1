namespace LtiCurriculum.Lti.Nrps;

/// <summary>A member's <c>status</c> (NRPS 2.0 membership container). Absent means Active.</summary>
public enum MemberStatus
{
    Active,
    Inactive,
    Deleted,
}
