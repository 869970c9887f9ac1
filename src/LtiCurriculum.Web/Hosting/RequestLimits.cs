using LtiCurriculum.Lti.Storage;
using LtiCurriculum.Web.Hosting.Limits;
using LtiCurriculum.Web.Hosting.RateLimits;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Hosting;

/// <summary>Rate limits (section <c>RateLimits</c>), then explicit body and form limits per endpoint group.</summary>
internal static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<RequestRateLimiters>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RequestRateLimiters>((options, limiters) =>
        {
            options.GlobalLimiter = limiters.Global;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = limiters.RejectAsync;
        });
        return services;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        // Body limits first: finding a course staff post's platform reads its form, which must stay within them.
        app.UseBodyLimits();
        app.Use((context, next) =>
        {
            var limiters = context.RequestServices.GetRequiredService<RequestRateLimiters>();
            if (!limiters.NamesPlatform(context.Request))
            {
                return next(context);
            }
            var platform = RequestPlatform.FindAsync(
                context, EndpointGroups.Of(context.Request), context.RequestServices.GetRequiredService<IPlatformRegistrationStore>());
            if (!platform.IsCompletedSuccessfully)
            {
                return AfterFindingAsync(context, next, platform);
            }
            // Found without waiting (a known platform): no async state machine for the request.
            context.Items[RequestRateLimiters.PlatformItem] = platform.Result;
            return next(context);
        });
        return app.UseRateLimiter();
    }

    private static async Task AfterFindingAsync(HttpContext context, RequestDelegate next, Task<string?> platform)
    {
        context.Items[RequestRateLimiters.PlatformItem] = await platform;
        await next(context);
    }
}
