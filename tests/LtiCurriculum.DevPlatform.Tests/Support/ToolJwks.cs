using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LtiCurriculum.DevPlatform.Tests;

/// <summary>Plays the tool's key set: serves the current key's JWKS and counts how often the platform fetched it.</summary>
internal sealed class ToolJwks : IDisposable
{
    public const string Path = "/.well-known/jwks.json";

    private DevPlatformKey current = new();
    private int fetches;

    public DevPlatformKey Key => Volatile.Read(ref current);

    public int Fetches => Volatile.Read(ref fetches);

    /// <summary>The tool starts signing with a new key and publishes only that one.</summary>
    public DevPlatformKey Rotate()
    {
        var next = new DevPlatformKey();
        Interlocked.Exchange(ref current, next).Dispose();
        return next;
    }

    public void Map(WebApplication app) => Map(app, Path);

    /// <summary>Serves the key set at <paramref name="path"/>, as a second tool (one registered by dynamic registration) would.</summary>
    public void Map(WebApplication app, string path) =>
        app.MapGet(path, () =>
        {
            Interlocked.Increment(ref fetches);
            return Results.Content(Key.JwksJson, "application/json");
        });

    public void Dispose() => current.Dispose();
}
