using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>The gradebook style in force: the configured one until a test switches it.</summary>
internal sealed class GradebookStyleState(IOptions<DevPlatformOptions> options)
{
    private volatile string current = GradebookStyles.Normalize(options.Value.GradebookStyle) ?? GradebookStyles.Standard;

    public string Current => current;

    /// <summary>Switches to <paramref name="style"/>; false when it names no style.</summary>
    public bool TrySwitch(string? style)
    {
        var normalized = GradebookStyles.Normalize(style);
        if (normalized is null)
        {
            return false;
        }

        current = normalized;
        return true;
    }
}
