using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

public static class DevPlatformEndpoints
{
    /// <summary>
    /// Maps the development platform under <c>/dev-platform</c>. Maps nothing when <see cref="DevPlatformOptions.Enabled"/>
    /// is false, so a host that calls it by mistake does not expose it.
    /// </summary>
    public static IEndpointRouteBuilder MapDevPlatform(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetService<IOptions<DevPlatformOptions>>()?.Value
            ?? throw new InvalidOperationException("Call services.AddDevPlatform(configuration.GetSection(\"DevPlatform\")) before MapDevPlatform().");
        if (!options.Enabled)
        {
            return endpoints;
        }

        // The platform's forms come from its own pages or from the tool's auto-posted forms, never with an antiforgery token.
        var platform = endpoints.MapGroup(PlatformUrls.BasePath).DisableAntiforgery().ExcludeFromDescription();
        platform.MapGet(string.Empty, HomeEndpoint.HandleAsync);
        platform.MapPost("/launch", LaunchEndpoint.HandleAsync);
        platform.MapGet("/framed-launch", FramedLaunchEndpoint.HandleAsync);
        platform.MapGet("/" + PlatformStorageNames.ForwardingFrame, FramedLaunchEndpoint.ForwardingFrame);
        platform.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync);
        platform.MapGet("/jwks", JwksEndpoint.Handle);
        platform.MapGet("/return", ReturnEndpoint.Handle);
        platform.MapPost("/deep-link-return", DeepLinkReturnEndpoint.HandleAsync);
        platform.MapGet("/gradebook", GradebookEndpoint.Handle);
        platform.MapGet("/gradebook.json", GradebookJsonEndpoint.Handle);
        platform.MapGet("/courses/{courseId}/links.json", CourseLinksJsonEndpoint.Handle);
        platform.MapGet("/nrps/{courseId}/memberships", MembershipsEndpoint.Handle).AddEndpointFilter(new FaultFilter(FaultTargets.Memberships));
        platform.MapGet("/registration/{flavour}/openid-configuration", OpenIdConfigurationEndpoint.Handle)
            .AddEndpointFilter(new FaultFilter(FaultTargets.OpenIdConfiguration));
        platform.MapPost("/registration/{flavour}/register", RegistrationEndpoint.HandleAsync).AddEndpointFilter(new FaultFilter(FaultTargets.Registration));
        platform.MapGet("/registrations", RegistrationsPageEndpoint.Handle);
        platform.MapPost("/register-tool", RegisterToolEndpoint.HandleAsync);
        AgsEndpoints.Map(platform);
        ControlEndpoints.Map(platform);
        return endpoints;
    }
}
