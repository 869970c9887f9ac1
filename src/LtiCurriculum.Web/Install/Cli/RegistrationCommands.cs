using System.CommandLine;
using LtiCurriculum.Web.Install.Registration;
using LtiCurriculum.Web.Launch;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.Web.Install.Cli;

/// <summary><c>registration url [--rotate] [--base-url URL]</c>: the LTI Dynamic Registration 1.0 initiation URL to paste into the LMS.</summary>
public static class RegistrationCommands
{
    public static Command Create(CliOptions o, CliContext cli)
    {
        var url = new Command("url", "Print the registration URL to paste into the LMS (Canvas: Developer Keys > LTI Registration; Moodle: Manage tools > Tool URL). It carries a secret: give it only to LMS administrators.")
        {
            o.Rotate, o.BaseUrl,
        };
        url.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(o.BaseUrl);
            var (baseUrl, source) = string.IsNullOrWhiteSpace(given)
                ? (cli.Services.GetRequiredService<IOptions<ToolOptions>>().Value.PublicBaseUrl, "Tool:PublicBaseUrl")
                : (given, "--base-url");
            if (string.IsNullOrWhiteSpace(baseUrl))
            {
                return cli.Refuse("The tool's public address is unknown: pass --base-url https://lti.example.edu, or set Tool:PublicBaseUrl (environment variable Tool__PublicBaseUrl).");
            }
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                return cli.Refuse($"{source} must be an absolute https URL without query or fragment (got '{baseUrl}').");
            }
            var secrets = await cli.ReadyAsync<RegistrationSecret>(ct);
            var rotate = parse.GetValue(o.Rotate);
            var secret = rotate ? await secrets.RotateAsync("cli", ct) : await secrets.GetOrCreateAsync("cli", ct);
            cli.Output.WriteLine(RegistrationSecret.RegistrationUrl(baseUrl.TrimEnd('/'), secret));
            if (rotate)
            {
                cli.Errors.WriteLine("A new registration secret was made: registration URLs given out before no longer work.");
            }
            cli.Errors.WriteLine("Paste the URL into the LMS's dynamic registration page. Anyone who has it can register an LMS with this tool; share it only with LMS administrators.");
            return ExitCodes.Done;
        });
        return new Command("registration", "LTI Dynamic Registration: the URL an LMS administrator pastes to install the tool.") { url };
    }
}
