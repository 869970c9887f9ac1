using Microsoft.Extensions.Options;

namespace LtiCurriculum.DevPlatform;

/// <summary>
/// Whether Names and Role Provisioning Services are on: for the whole platform (<see cref="DevPlatformOptions.NrpsEnabled"/>
/// at start) and per course. Off globally, launches carry no NRPS claim, the token endpoint does not grant the scope
/// and the memberships endpoint answers 404, like a Moodle tool whose "IMS LTI Names and Role Provisioning" is not used;
/// off for a course, only that course's launches and memberships lose it. Thread-safe; tests switch it with
/// POST control/nrps.
/// </summary>
internal sealed class NrpsSwitch(IOptions<DevPlatformOptions> options)
{
    private readonly HashSet<string> offCourses = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private bool enabled = options.Value.NrpsEnabled;

    public bool Enabled
    {
        get
        {
            lock (gate)
            {
                return enabled;
            }
        }
    }

    public bool IsOn(string courseId)
    {
        lock (gate)
        {
            return enabled && !offCourses.Contains(courseId);
        }
    }

    /// <summary>Turns NRPS on or off for <paramref name="courseId"/>, or for the whole platform when it is null.</summary>
    public void Set(bool on, string? courseId)
    {
        lock (gate)
        {
            if (courseId is null)
            {
                enabled = on;
            }
            else if (on)
            {
                offCourses.Remove(courseId);
            }
            else
            {
                offCourses.Add(courseId);
            }
        }
    }

    public (bool Enabled, IReadOnlyList<string> OffCourses) State()
    {
        lock (gate)
        {
            return (enabled, [.. offCourses.Order(StringComparer.Ordinal)]);
        }
    }

    /// <summary>Back to the configured setting, on for every course.</summary>
    public void Reset()
    {
        lock (gate)
        {
            enabled = options.Value.NrpsEnabled;
            offCourses.Clear();
        }
    }
}
