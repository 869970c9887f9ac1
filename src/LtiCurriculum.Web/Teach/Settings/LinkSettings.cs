using System.Text.Json;

namespace LtiCurriculum.Web.Teach.Settings;

/// <summary>How a link's stored columns become its settings: the LMS's custom parameters and the instructor's choices.</summary>
public static class LinkSettings
{
    /// <summary>The known custom parameters of a launch as stored (JSON of the raw values), or null when it has none.</summary>
    public static string? StoredCustomParameters(IReadOnlyDictionary<string, string> custom)
    {
        Dictionary<string, string>? known = null;
        foreach (var name in AssignmentSettings.Parameters.All)
        {
            if (name != AssignmentSettings.Parameters.Module && custom.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                (known ??= new(StringComparer.Ordinal))[name] = value.Length > 200 ? value[..200] : value;
            }
        }
        return known is null ? null : JsonSerializer.Serialize(known, SettingsJson.Default.DictionaryStringString);
    }

    public static (AssignmentSettings Settings, IReadOnlyList<string> Problems) FromLms(string? customModuleId, string? storedCustomParameters)
    {
        var custom = Read(storedCustomParameters);
        if (customModuleId is not null)
        {
            custom[AssignmentSettings.Parameters.Module] = customModuleId;
        }
        return custom.Count == 0 ? (AssignmentSettings.None, []) : AssignmentSettings.FromCustomParameters(custom);
    }

    public static AssignmentSettings? FromInstructor(string? boundModuleId, string? instructorSettings)
    {
        var saved = AssignmentSettings.FromJson(instructorSettings);
        return saved is null && boundModuleId is null ? null : (saved ?? AssignmentSettings.None) with { ModuleId = boundModuleId };
    }

    private static Dictionary<string, string> Read(string? stored)
    {
        if (string.IsNullOrEmpty(stored)) return new(StringComparer.Ordinal);
        try
        {
            return JsonSerializer.Deserialize(stored, SettingsJson.Default.DictionaryStringString) is { } read
                ? new Dictionary<string, string>(read, StringComparer.Ordinal) : new(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new(StringComparer.Ordinal);
        }
    }
}
