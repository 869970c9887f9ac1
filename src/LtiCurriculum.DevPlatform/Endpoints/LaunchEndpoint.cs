using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// POST /dev-platform/launch: remembers the chosen launch under a fresh lti_message_hint, makes sure the tool knows
/// this platform, and sends the browser to the tool's login initiation.
/// </summary>
internal static class LaunchEndpoint
{
    private const string Heading = "The launch could not start";

    public static async Task<IResult> HandleAsync(
        HttpContext context, DemoDirectory directory, CourseLinks courseLinks, DynamicRegistrations registrations, ToolClients clients, PendingLaunchStore store,
        IOptions<DevPlatformOptions> options, ILoggerFactory loggerFactory)
    {
        var request = context.Request;
        var urls = PlatformUrls.For(request);
        if (!request.HasFormContentType)
        {
            return MessagePages.BadRequest(urls, Heading, "Start a launch with a button on the demo courses page.");
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        var (choice, badField, problem) = LaunchChoice.Read(form, directory, courseLinks, registrations, options.Value);
        if (choice is null)
        {
            return MessagePages.BadField(urls, Heading, badField!, problem!);
        }

        var logger = loggerFactory.CreateLogger(DevPlatformLog.Category);
        // A tool registered by dynamic registration already knows this platform: it registered itself.
        if (choice.Registration is null)
        {
            await EnsureToolKnowsPlatformAsync(context, urls, options.Value, logger);
        }

        var client = choice.Registration is null ? clients.Default(urls) : ToolClients.Of(choice.Registration);
        // Canvas names the storage target on the login and again with the id_token.
        var storageTarget = choice.LoginStyle == LoginStyles.Get ? "_parent" : null;
        var hint = store.Remember(new PendingLaunch(
            urls.Origin, choice.Course, choice.Link, choice.User, choice.MessageType, choice.Locale, choice.AcceptMultiple, choice.Registration, storageTarget));
        var parameters = LoginInitiation.Parameters(urls, client, choice.User, hint, choice.LoginStyle, DemoLaunchFactory.TargetLinkUri(client, choice.Link, choice.MessageType));
        var toolLogin = client.LoginUri;
        logger.LaunchStarted(choice.MessageType, choice.User.Key, choice.Course.Id, choice.LoginStyle);
        return choice.LoginStyle == LoginStyles.Get
            ? Results.Redirect(QueryHelpers.AddQueryString(toolLogin, parameters!))
            : AutoPostForm.Page("Opening the tool", toolLogin, parameters);
    }

    internal static async Task EnsureToolKnowsPlatformAsync(HttpContext context, PlatformUrls urls, DevPlatformOptions options, ILogger logger)
    {
        var registrar = context.RequestServices.GetService<IDevPlatformRegistrar>();
        if (registrar is null)
        {
            logger.RegistrarMissing();
            return;
        }

        await registrar.EnsureRegisteredAsync(urls.Registration(options), context.RequestAborted);
    }
}
