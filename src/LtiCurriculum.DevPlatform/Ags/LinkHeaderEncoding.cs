using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Lets Kestrel send the Link header as UTF-8: Moodle style writes typographic quotes in it, as Moodle's PHP did
/// (Kestrel refuses non-ASCII header values otherwise). Other headers keep the host's own choice.
/// </summary>
internal sealed class LinkHeaderEncoding : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        var hostChoice = options.ResponseHeaderEncodingSelector;
        options.ResponseHeaderEncodingSelector = name =>
            string.Equals(name, "Link", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : hostChoice(name);
    }
}
