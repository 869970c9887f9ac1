namespace LtiCurriculum.Lti.Nrps;

/// <summary>A member's <c>status</c> (NRPS 2.0 §2.1). Absent means Active.</summary>
public enum MemberStatus
{
    Active,
    Inactive,
    Deleted,
}
