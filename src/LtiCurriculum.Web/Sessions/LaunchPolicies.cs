using Microsoft.AspNetCore.Authorization;

namespace LtiCurriculum.Web.Sessions;

/// <summary>Who may use which pages: learners' pages need a resource-link session; Teach pages need course staff.</summary>
public static class LaunchPolicies
{
    /// <summary>Anyone launched into a resource link (learners, staff, anonymous launches read-only).</summary>
    public const string LinkSession = "LinkSession";

    /// <summary>Instructors, teaching assistants and administrators of the course, launched into a resource link.</summary>
    public const string CourseStaff = "CourseStaff";

    /// <summary>Course staff in a deep-linking launch, choosing content for the course.</summary>
    public const string DeepLinkingStaff = "DeepLinkingStaff";

    /// <summary>Administrators (LTI Core 1.3 Appendix A: institution, system or context Administrator) in any launch: the content packs page.</summary>
    public const string PackAdmin = "PackAdmin";

    public static IServiceCollection AddLaunchSessions(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, LaunchSessionHandler>(LaunchSessionHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, LaunchAuthorizationResults>();
        services.AddAuthorizationBuilder()
            .AddPolicy(LinkSession, policy => Session(policy, LaunchSessionHandler.LinkKind))
            .AddPolicy(CourseStaff, policy => Session(policy, LaunchSessionHandler.LinkKind).RequireRole(LaunchSessionHandler.CourseStaffRole))
            .AddPolicy(PackAdmin, policy => policy
                .AddAuthenticationSchemes(LaunchSessionHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireRole(LaunchSessionHandler.AdministratorRole))
            .AddPolicy(DeepLinkingStaff, policy => Session(policy, LaunchSessionHandler.DeepLinkingKind).RequireRole(LaunchSessionHandler.CourseStaffRole));
        return services;
    }

    private static AuthorizationPolicyBuilder Session(AuthorizationPolicyBuilder policy, string kind) => policy
        .AddAuthenticationSchemes(LaunchSessionHandler.SchemeName)
        .RequireAuthenticatedUser()
        .RequireClaim(LaunchSessionHandler.KindClaim, kind);
}
